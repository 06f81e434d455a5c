package dev.faultline.scenarios.lab;

import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.compare.MetricDistribution;
import dev.faultline.scenarios.compare.PairedDifference;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Configurations run on the same seeds, for a notebook: one row each, and each paired seed by seed
 * against the first (the difference in failure rate, its paired 95% interval, McNemar's exact p).
 *
 * @param scenario the scenario
 * @param configurations one sweep per configuration, the baseline first
 */
public record Comparison(String scenario, List<SweepView> configurations) {
  public Comparison {
    configurations = List.copyOf(configurations);
  }

  /** The configuration labelled {@code label}. */
  public SweepView get(String label) {
    return configurations.stream()
        .filter(c -> c.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no configuration " + label));
  }

  /** One row per configuration: seeds, failures, rate and interval, failures per check. */
  public Table table() {
    Table t = Table.of("configuration", "seeds", "failed", "rate %", "95% CI %", "by check");
    for (SweepView c : configurations) {
      double[] ci = c.interval();
      t.row(
          c.label(),
          c.seeds(),
          c.failed(),
          100 * c.rate(),
          String.format(java.util.Locale.ROOT, "%.1f-%.1f", 100 * ci[0], 100 * ci[1]),
          c.failuresByCheck());
    }
    return t;
  }

  /** Each configuration after the first against the first, on the seeds with equal schedules. */
  public List<PairedDifference> pairs() {
    SweepView base = configurations.get(0);
    return configurations.subList(1, configurations.size()).stream()
        .map(
            c ->
                PairedDifference.of(
                    c.label(),
                    base.label(),
                    outcomes(base),
                    schedules(base),
                    outcomes(c),
                    schedules(c)))
        .toList();
  }

  /** {@link #pairs} as a table. */
  public Table paired() {
    Table t =
        Table.of(
            "against " + configurations.get(0).label(),
            "paired",
            "only it failed",
            "only baseline failed",
            "difference %",
            "95% CI %",
            "McNemar p");
    for (PairedDifference d : pairs()) {
      t.row(
          d.label(),
          d.paired(),
          d.onlyThisFailed(),
          d.onlyBaselineFailed(),
          100 * d.difference(),
          String.format(java.util.Locale.ROOT, "%+.1f..%+.1f", 100 * d.low(), 100 * d.high()),
          d.pValue());
    }
    return t;
  }

  /** A bar chart of each configuration's failure rate. */
  public BufferedImage chart() {
    Map<String, Double> rates = new LinkedHashMap<>();
    configurations.forEach(c -> rates.put(c.label(), 100 * c.rate()));
    return Charts.bars(scenario + ": seeds failing", "% of seeds", rates);
  }

  /**
   * One row per configuration for a metric the scenario reports as a distribution ({@code
   * downtime.ms} of raft-election, say): samples, median, 99th percentile, maximum and mean, the
   * percentiles by nearest rank over every sample of every seed.
   */
  public Table distribution(String metric) {
    Table t = Table.of("configuration", "samples", "median", "p99", "max", "mean");
    for (SweepView c : configurations) {
      MetricDistribution d = c.distribution(metric);
      t.row(c.label(), d.count(), d.percentile(50), d.percentile(99), d.max(), d.mean());
    }
    return t;
  }

  /** Each configuration's cumulative distribution of {@code metric} on a log scale. */
  public BufferedImage cdf(String metric) {
    Map<String, double[]> samples = new LinkedHashMap<>();
    configurations.forEach(c -> samples.put(c.label(), c.distribution(metric).values()));
    return Charts.cdfLog(scenario + ": " + metric, metric, samples);
  }

  private static TreeMap<Long, dev.faultline.scenarios.sweep.SeedOutcome> outcomes(SweepView v) {
    TreeMap<Long, dev.faultline.scenarios.sweep.SeedOutcome> out = new TreeMap<>();
    for (ScenarioResult r : v.results()) {
      out.put(r.seed(), dev.faultline.scenarios.sweep.SeedOutcome.of(r));
    }
    return out;
  }

  private static Map<Long, String> schedules(SweepView v) {
    Map<Long, String> out = new TreeMap<>();
    for (ScenarioResult r : v.results()) {
      out.put(r.seed(), r.schedule().print());
    }
    return out;
  }

  @Override
  public String toString() {
    return table() + "\n" + paired();
  }
}
