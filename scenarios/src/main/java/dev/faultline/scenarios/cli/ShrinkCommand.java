package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.Launcher;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.property.Case;
import dev.faultline.scenarios.property.Property;
import dev.faultline.scenarios.property.PropertyResult;
import dev.faultline.sim.fault.TimedFault;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code faultline shrink SCENARIO --seed N}: shrinks a failing seed with the property harness to a
 * smaller case that fails the same way (the same check, the same anomaly kinds), saves it as a case
 * file, and prints the original and the shrunk case each as the command that replays it.
 */
@Command(
    name = "shrink",
    mixinStandardHelpOptions = true,
    description = {
      "Shrink a failing seed to a smaller case that fails the same way: fewer faults, fewer nodes,"
          + " clients and keys, a shorter run. Saves the case file and prints replay commands.",
      "Exit 1 when the seed fails (the usual case), 0 when it passes, 3 when it is undecided."
    })
public final class ShrinkCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ScenarioOptions options;

  @Option(names = "--seed", required = true, paramLabel = "N", description = "The failing seed.")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to save the shrunk case (default: ${DEFAULT-VALUE}).")
  Path outDir = Path.of("faultline-cases");

  @Option(
      names = "--max-runs",
      paramLabel = "N",
      description = "Most scenario runs the shrinking may take (default: ${DEFAULT-VALUE}).")
  int maxRuns = 300;

  @Override
  public Integer call() {
    Scenario scenario = options.scenario();
    SeedRange.requireSeed(seed, "--seed");
    if (maxRuns < 1) {
      throw new UserError("--max-runs must be at least 1, not " + maxRuns);
    }
    options.resolve(scenario); // refuses unknown or conflicting knobs before anything runs
    Property property = Property.of(scenario.name()).saveTo(outDir).maxShrinkRuns(maxRuns);
    for (Map.Entry<String, String> e : options.knobs().entrySet()) {
      property.set(e.getKey(), e.getValue().strip());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("shrink: " + scenario.name() + " seed " + seed + options.setFlags());
    out.flush();
    PropertyResult r;
    try {
      r = property.shrinkSeed(seed);
    } catch (UncheckedIOException e) {
      throw new UserError(e.getMessage() + ": " + e.getCause().getMessage(), ExitCodes.USAGE);
    }
    if (r.held()) {
      out.println("seed " + seed + " does not fail: nothing to shrink.");
      out.println("replay: " + runLine(scenario.name(), seed, options.setFlags()));
      return ExitCodes.OK;
    }
    print(out, r);
    return ExitCodes.FAILED;
  }

  private static void print(PrintWriter out, PropertyResult r) {
    Case original = r.original();
    Case shrunk = r.shrunk();
    out.println("original: " + original.schedule().size() + " faults, knobs " + original.knobs());
    out.println("  fails: " + r.originalFailure());
    out.println("  replay: " + runLine(original));
    out.println(
        "shrunk ("
            + r.shrinkRuns()
            + " runs): "
            + shrunk.schedule().size()
            + " faults, knobs "
            + shrunk.knobs());
    out.println("  fails: " + r.shrunkFailure());
    String caseFile = Launcher.quote(r.saved().toAbsolutePath().normalize().toString());
    out.println("  case: " + caseFile);
    out.println("  replay: " + Launcher.command() + " replay " + caseFile);
    out.println("  replay: " + runLine(shrunk) + " --schedule " + caseFile);
    out.println("  schedule:");
    for (TimedFault f : shrunk.schedule().faults()) {
      out.println("    " + f.print());
    }
    out.flush();
  }

  private static String runLine(Case c) {
    StringBuilder flags = new StringBuilder();
    for (Map.Entry<String, String> e : c.knobs().entrySet()) {
      flags.append(" --set ").append(Launcher.quote(e.getKey() + "=" + e.getValue()));
    }
    return runLine(c.scenario(), c.seed(), flags.toString());
  }

  private static String runLine(String scenario, long seed, String flags) {
    return Launcher.command() + " run " + scenario + " --seed " + seed + flags;
  }
}
