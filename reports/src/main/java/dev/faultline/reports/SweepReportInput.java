package dev.faultline.reports;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a sweep's or a comparison's report shows: one row per configuration.
 *
 * @param title what was swept or compared, e.g. {@code raft-kv, seeds 1..200}
 * @param command the command that ran it
 * @param rows one per configuration, in the order to show them
 * @param paired for a comparison, each configuration after the first against the first, seed by
 *     seed; empty for a sweep
 * @param distributions for a comparison, the samples of the metrics whose distribution the scenario
 *     reports (one per configuration and metric), drawn as CDFs; may be empty
 */
public record SweepReportInput(
    String title,
    String command,
    List<SweepReportInput.Config> rows,
    List<SweepReportInput.Paired> paired,
    List<SweepReportInput.Distribution> distributions) {
  public SweepReportInput {
    rows = List.copyOf(rows);
    paired = List.copyOf(paired);
    distributions = List.copyOf(distributions);
  }

  /** A sweep's input: no paired comparison. */
  public SweepReportInput(String title, String command, List<SweepReportInput.Config> rows) {
    this(title, command, rows, List.of(), List.of());
  }

  /** A comparison's input without distributions. */
  public SweepReportInput(
      String title,
      String command,
      List<SweepReportInput.Config> rows,
      List<SweepReportInput.Paired> paired) {
    this(title, command, rows, paired, List.of());
  }

  /**
   * One configuration's samples of one metric, every seed's (and every sample a run carried).
   *
   * @param metric the metric, e.g. {@code downtime.ms}
   * @param label the configuration
   * @param values the samples, in any order
   */
  public record Distribution(String metric, String label, List<Double> values) {
    public Distribution {
      values = List.copyOf(values);
    }
  }

  /**
   * A configuration against the baseline on the seeds both ran with the same fault schedule.
   *
   * @param label this configuration
   * @param baseline the first configuration
   * @param seeds paired seeds
   * @param onlyThisFailed discordant seeds where only this configuration failed
   * @param onlyBaselineFailed discordant seeds where only the baseline failed
   * @param difference failure rate minus the baseline's, on the paired seeds
   * @param low lower bound of its 95% interval
   * @param high upper bound
   * @param pValue McNemar's exact two-sided p-value
   * @param note what the reader must know (seeds left out, pairing that does not apply), or empty
   */
  public record Paired(
      String label,
      String baseline,
      int seeds,
      int onlyThisFailed,
      int onlyBaselineFailed,
      double difference,
      double low,
      double high,
      double pValue,
      String note) {}

  /**
   * One configuration's seeds.
   *
   * @param label a short name, e.g. {@code acks=all}
   * @param knobs the knobs that set this configuration apart (or all of them)
   * @param seeds how many seeds ran
   * @param passed seeds whose every check passed
   * @param failed seeds with a failed check
   * @param unknown seeds with an undecided check and none failed
   * @param failuresByCheck for each check, how many seeds it failed in
   * @param availability the mean share of operations that succeeded, 0 to 1, or NaN when unknown
   * @param latencyMillis latency percentiles of successful operations by name ({@code p50}, {@code
   *     p99}, ...), in milliseconds; may be empty
   * @param failing the failing (and undecided) seeds, with a link to each one's report
   */
  public record Config(
      String label,
      SortedMap<String, String> knobs,
      int seeds,
      int passed,
      int failed,
      int unknown,
      SortedMap<String, Integer> failuresByCheck,
      double availability,
      SortedMap<String, Double> latencyMillis,
      List<FailingSeed> failing) {
    public Config {
      knobs = Collections.unmodifiableSortedMap(new TreeMap<>(knobs));
      failuresByCheck = Collections.unmodifiableSortedMap(new TreeMap<>(failuresByCheck));
      latencyMillis = Collections.unmodifiableSortedMap(new TreeMap<>(latencyMillis));
      failing = List.copyOf(failing);
    }
  }

  /**
   * A seed that failed.
   *
   * @param seed the seed
   * @param status {@code FAIL} or {@code UNKNOWN}
   * @param replayCommand the command that replays it
   * @param reportHref the path of its report relative to the sweep's page, or null when none was
   *     written
   */
  public record FailingSeed(long seed, String status, String replayCommand, String reportHref) {}
}
