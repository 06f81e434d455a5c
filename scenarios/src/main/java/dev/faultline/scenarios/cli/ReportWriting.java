package dev.faultline.scenarios.cli;

import dev.faultline.reports.SweepReportInput;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.report.RunReports;
import dev.faultline.scenarios.report.SweepReports;
import dev.faultline.scenarios.sweep.ClientMetrics;
import dev.faultline.scenarios.sweep.SeedOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What {@code sweep --report} and {@code compare --report} share: a configuration's row, with the
 * reports of its first failing seeds (each run again with a full trace), and the index page.
 */
final class ReportWriting {
  /** Failing seeds whose own report is written, per configuration; the rest are listed only. */
  static final int MAX_SEED_REPORTS = 20;

  private ReportWriting() {}

  static SweepReportInput.Config row(
      Path dir,
      String subdir,
      Scenario scenario,
      Knobs knobs,
      String label,
      SortedMap<Long, SeedOutcome> outcomes,
      Histogram latency,
      PrintWriter out) {
    SortedMap<Long, String> hrefs = new TreeMap<>();
    for (SeedOutcome o : outcomes.values()) {
      if (o.status() == Verdict.Status.PASS || hrefs.size() >= MAX_SEED_REPORTS) {
        continue;
      }
      Path seedDir = subdir.isEmpty() ? dir : dir.resolve(subdir);
      try {
        RunReports.rerunAndWrite(seedDir, scenario, RunSpec.of(o.seed(), knobs));
      } catch (IOException e) {
        throw new UserError("cannot write a report into " + seedDir + ": " + e.getMessage(), 2);
      }
      String file = RunReports.fileName(scenario.name(), o.seed());
      hrefs.put(o.seed(), subdir.isEmpty() ? file : subdir + "/" + file);
    }
    long notWritten =
        outcomes.values().stream().filter(o -> o.status() != Verdict.Status.PASS).count()
            - hrefs.size();
    if (notWritten > 0) {
      out.println(
          "report: "
              + label
              + ": wrote the reports of the first "
              + MAX_SEED_REPORTS
              + " failing seeds; "
              + notWritten
              + " more are listed with their replay commands");
    }
    return SweepReports.config(
        label,
        knobs.changed(),
        outcomes.values(),
        ClientMetrics.percentilesMillis(latency),
        o -> hrefs.get(o.seed()));
  }

  static Path index(
      Path dir, String title, String command, java.util.List<SweepReportInput.Config> rows) {
    return index(dir, title, command, rows, java.util.List.of());
  }

  static Path index(
      Path dir,
      String title,
      String command,
      java.util.List<SweepReportInput.Config> rows,
      java.util.List<SweepReportInput.Paired> paired) {
    return index(dir, title, command, rows, paired, java.util.List.of());
  }

  static Path index(
      Path dir,
      String title,
      String command,
      java.util.List<SweepReportInput.Config> rows,
      java.util.List<SweepReportInput.Paired> paired,
      java.util.List<SweepReportInput.Distribution> distributions) {
    try {
      return SweepReports.write(dir, title, command, rows, paired, distributions)
          .toAbsolutePath()
          .normalize();
    } catch (IOException e) {
      throw new UserError("cannot write the report into " + dir + ": " + e.getMessage(), 2);
    }
  }

  /** The report's form of the metric distributions. */
  static java.util.List<SweepReportInput.Distribution> distributions(
      java.util.List<dev.faultline.scenarios.compare.MetricDistribution> all) {
    return all.stream()
        .map(d -> new SweepReportInput.Distribution(d.metric(), d.label(), d.samples()))
        .toList();
  }

  /** The report's form of the paired comparisons. */
  static java.util.List<SweepReportInput.Paired> paired(
      java.util.List<dev.faultline.scenarios.compare.PairedDifference> paired) {
    java.util.List<SweepReportInput.Paired> out = new java.util.ArrayList<>();
    for (var d : paired) {
      String note =
          d.paired() == 0
              ? "pairing does not apply: the fault schedules differ on every seed"
              : d.unpaired() > 0
                  ? d.unpaired() + " seed(s) left out: their fault schedules differ"
                  : "";
      out.add(
          new SweepReportInput.Paired(
              d.label(),
              d.baseline(),
              d.paired(),
              d.onlyThisFailed(),
              d.onlyBaselineFailed(),
              d.difference(),
              d.low(),
              d.high(),
              d.pValue(),
              note));
    }
    return out;
  }
}
