package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.report.TourSite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline tour}: the main job. Runs every scenario of the catalog with its default knobs
 * on one seed and prints what each showed. Exit 0 when every scenario passed.
 */
@Command(
    name = "tour",
    mixinStandardHelpOptions = true,
    description = "Run every scenario of the catalog once and summarise what each showed.")
public final class TourCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "The seed every scenario runs (default: 1).")
  long seed = 1;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Where to write the site of reports (default: faultline-reports/tour).")
  Path reportDir = TourSite.DEFAULT_DIR;

  @Override
  public Integer call() {
    SeedRange.requireSeed(seed, "--seed");
    PrintWriter out = spec.commandLine().getOut();
    out.println("Faultline tour: every scenario of the catalog, seed " + seed + ", default knobs.");
    out.println();
    Verdict.Status worst = Verdict.Status.PASS;
    TourSite site = new TourSite(reportDir, seed);
    for (Scenario s : ScenarioRegistry.all()) {
      Knobs knobs = ScenarioOptions.resolve(s, Map.of());
      long start = System.nanoTime();
      ScenarioResult r = ScenarioRunner.run(s, RunSpec.of(seed, knobs).withFullTrace(true));
      long ms = (System.nanoTime() - start) / 1_000_000;
      site.add(r);
      out.printf(
          Locale.ROOT,
          "%-16s %-7s faults=%-3d simulated=%-12s wall=%d ms  trace=%s%n",
          s.name(),
          r.status(),
          r.schedule().size(),
          dev.faultline.sim.fault.FaultSchedule.formatTime(r.simulatedMicros()),
          ms,
          r.trace() == null ? "-" : r.trace().hashHex());
      for (Verdict v : r.verdicts()) {
        out.println("    " + v.status() + " " + v.check() + ": " + v.summary());
      }
      out.println("    replay: " + r.replayCommand());
      if (r.status() == Verdict.Status.FAIL) {
        worst = Verdict.Status.FAIL;
      } else if (r.status() == Verdict.Status.UNKNOWN && worst == Verdict.Status.PASS) {
        worst = Verdict.Status.UNKNOWN;
      }
      out.flush();
    }
    out.println();
    out.println("tour: " + worst);
    out.println("reports: " + site.finish());
    return Summaries.exitCode(worst);
  }
}
