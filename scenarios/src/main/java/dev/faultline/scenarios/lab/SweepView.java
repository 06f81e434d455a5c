package dev.faultline.scenarios.lab;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.compare.MetricDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A range of seeds of one configuration, for a notebook: how many failed and why, with the rate's
 * 95% Wilson interval, and any metric across seeds.
 *
 * @param scenario the scenario
 * @param label the configuration's label
 * @param knobs its knobs
 * @param results every seed's result, by seed
 */
public record SweepView(String scenario, String label, Knobs knobs, List<ScenarioResult> results) {
  public SweepView {
    results = List.copyOf(results);
  }

  public int seeds() {
    return results.size();
  }

  /** Seeds where any check failed. */
  public int failed() {
    return (int) results.stream().filter(r -> r.status() == Verdict.Status.FAIL).count();
  }

  /** Seeds where {@code check} failed. */
  public int failed(String check) {
    return (int)
        results.stream()
            .filter(
                r ->
                    r.verdicts().stream()
                        .anyMatch(
                            v -> v.check().equals(check) && v.status() == Verdict.Status.FAIL))
            .count();
  }

  /** Seeds whose failing verdicts mention {@code word} (an anomaly class, say) in their summary. */
  public int showing(String word) {
    return (int)
        results.stream()
            .filter(
                r ->
                    r.verdicts().stream()
                        .anyMatch(
                            v ->
                                v.status() == Verdict.Status.FAIL
                                    && (v.summary().contains(word)
                                        || v.details().stream().anyMatch(d -> d.contains(word)))))
            .count();
  }

  /** The share of seeds that failed. */
  public double rate() {
    return results.isEmpty() ? 0 : (double) failed() / results.size();
  }

  /** The 95% Wilson score interval of {@link #rate}. */
  public double[] interval() {
    if (results.isEmpty()) {
      return new double[] {0, 1};
    }
    ConfidenceInterval ci = new WilsonScoreInterval().createInterval(seeds(), failed(), 0.95);
    return new double[] {ci.getLowerBound(), ci.getUpperBound()};
  }

  /**
   * The metric called {@code name} of every seed that has it, in seed order: the run's own metrics,
   * and the client figures every sweep computes ({@code client.availability}, {@code
   * client.latency.p99.ms}, ...).
   */
  public double[] metric(String name) {
    return results.stream()
        .map(
            r ->
                r.metrics().containsKey(name)
                    ? r.metrics().get(name)
                    : dev.faultline.scenarios.sweep.ClientMetrics.of(r.history()).get(name))
        .filter(v -> v != null && !v.isNaN())
        .mapToDouble(Double::doubleValue)
        .toArray();
  }

  /**
   * Every sample of a metric the scenario reports as a distribution, pooled over the seeds: each
   * run's {@code name} and, when a run carries several, {@code name#2}, {@code name#3}, ... (as
   * {@code compare} pools them), with the median, 99th percentile, maximum and mean.
   */
  public MetricDistribution distribution(String name) {
    return MetricDistribution.of(
        name, label, results.stream().map(dev.faultline.scenarios.sweep.SeedOutcome::of).toList());
  }

  /** Failing seeds per check. */
  public SortedMap<String, Integer> failuresByCheck() {
    SortedMap<String, Integer> out = new TreeMap<>();
    for (ScenarioResult r : results) {
      for (Verdict v : r.verdicts()) {
        if (v.status() == Verdict.Status.FAIL) {
          out.merge(v.check(), 1, Integer::sum);
        }
      }
    }
    return out;
  }

  /** The failing seeds' replay commands, the first {@code n}. */
  public List<String> failing(int n) {
    List<String> out = new ArrayList<>();
    for (ScenarioResult r : results) {
      if (r.status() == Verdict.Status.FAIL && out.size() < n) {
        out.add(r.replayCommand());
      }
    }
    return out;
  }

  @Override
  public String toString() {
    double[] ci = interval();
    return String.format(
        java.util.Locale.ROOT,
        "%s [%s]: %d of %d seeds failed (%.1f%%, 95%% CI %.1f%%-%.1f%%) %s",
        scenario,
        label,
        failed(),
        seeds(),
        100 * rate(),
        100 * ci[0],
        100 * ci[1],
        failuresByCheck());
  }
}
