package dev.faultline.scenarios.report;

import dev.faultline.reports.SweepReport;
import dev.faultline.reports.SweepReportInput;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.sweep.SeedOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Sweep and comparison reports from what a sweep keeps of each seed. A sweep is one configuration;
 * a comparison is several, one row each. The seeds' own reports are written with {@link
 * RunReports#rerunAndWrite}, which runs the seed again with a full trace.
 *
 * <pre>
 * Path seedReport = RunReports.rerunAndWrite(dir, scenario, RunSpec.of(seed, knobs));
 * ...
 * var row = SweepReports.config("acks=all", knobs.changed(), outcomes.values(), latencyMs,
 *     o -> o.status() == Verdict.Status.PASS ? null : RunReports.fileName(scenario.name(), o.seed()));
 * Path index = SweepReports.write(dir, "kafka-produce, seeds 1..200", command, List.of(row));
 * </pre>
 */
public final class SweepReports {
  private SweepReports() {}

  /**
   * One configuration's row. Availability is the mean of the seeds' {@code client.availability};
   * {@code latencyMillis} holds the pooled percentiles by name ({@code p50}, {@code p99}, {@code
   * max}), or null to leave them out. {@code reportHref} gives the link to a failing seed's report,
   * relative to the sweep's page, or null when none was written.
   */
  public static SweepReportInput.Config config(
      String label,
      SortedMap<String, String> knobs,
      Collection<SeedOutcome> outcomes,
      SortedMap<String, Double> latencyMillis,
      Function<SeedOutcome, String> reportHref) {
    int passed = 0;
    int failed = 0;
    int unknown = 0;
    SortedMap<String, Integer> byCheck = new TreeMap<>();
    List<SweepReportInput.FailingSeed> failing = new ArrayList<>();
    double availabilitySum = 0;
    int withClients = 0;
    for (SeedOutcome o : outcomes) {
      switch (o.status()) {
        case PASS -> passed++;
        case FAIL -> failed++;
        case UNKNOWN -> unknown++;
      }
      if (o.status() == Verdict.Status.FAIL) {
        o.failedChecks().forEach(c -> byCheck.merge(c, 1, Integer::sum));
      }
      if (o.status() != Verdict.Status.PASS) {
        failing.add(
            new SweepReportInput.FailingSeed(
                o.seed(), o.status().name(), o.replay(), reportHref.apply(o)));
      }
      Double a = o.metrics().get("client.availability");
      if (a != null) {
        availabilitySum += a;
        withClients++;
      }
    }
    return new SweepReportInput.Config(
        label,
        knobs,
        outcomes.size(),
        passed,
        failed,
        unknown,
        byCheck,
        withClients == 0 ? Double.NaN : availabilitySum / withClients,
        latencyMillis == null ? new TreeMap<>() : latencyMillis,
        failing);
  }

  /** Writes the report into {@code dir} as {@code index.html}; returns its path. */
  public static Path write(
      Path dir, String title, String command, List<SweepReportInput.Config> rows)
      throws IOException {
    return write(dir, title, command, rows, List.of());
  }

  /** A comparison's report, with each configuration paired against the first. */
  public static Path write(
      Path dir,
      String title,
      String command,
      List<SweepReportInput.Config> rows,
      List<SweepReportInput.Paired> paired)
      throws IOException {
    return write(dir, title, command, rows, paired, List.of());
  }

  /** A comparison's report with the distributions of the scenario's headline metrics. */
  public static Path write(
      Path dir,
      String title,
      String command,
      List<SweepReportInput.Config> rows,
      List<SweepReportInput.Paired> paired,
      List<SweepReportInput.Distribution> distributions)
      throws IOException {
    return SweepReport.write(
        dir, new SweepReportInput(title, command, rows, paired, distributions));
  }
}
