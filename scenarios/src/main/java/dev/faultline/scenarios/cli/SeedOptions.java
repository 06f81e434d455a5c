package dev.faultline.scenarios.cli;

import picocli.CommandLine.Option;

/** The seed range and worker count that sweep and compare share. */
final class SeedOptions {
  @Option(names = "--seeds", required = true, paramLabel = "A..B", description = "Seeds to run.")
  String seeds;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Simulations run at once (default: the number of cores).")
  int workers = Runtime.getRuntime().availableProcessors();

  /** The seed range, or a UserError naming what is wrong with it or with --workers. */
  SeedRange range() {
    if (workers < 1) {
      throw new UserError("--workers must be at least 1, not " + workers);
    }
    return SeedRange.parse(seeds);
  }
}
