package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.sweep.Shard;
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
    return range(Shard.WHOLE);
  }

  /** The seed range of which {@code shard} runs its part, refused when that part is absurd. */
  SeedRange range(Shard shard) {
    if (workers < 1) {
      throw new UserError("--workers must be at least 1, not " + workers);
    }
    SeedRange r = SeedRange.parse(seeds);
    r.countIn(shard);
    return r;
  }
}
