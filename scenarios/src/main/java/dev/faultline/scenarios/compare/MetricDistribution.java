package dev.faultline.scenarios.compare;

import dev.faultline.scenarios.sweep.SeedOutcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One configuration's samples of a metric the scenario reports as a distribution: every seed's
 * value of {@code NAME}, and of {@code NAME#2}, {@code NAME#3}, ... when a run carries several.
 * Percentiles are by nearest rank.
 *
 * @param metric the metric's name
 * @param label the configuration
 * @param values the samples, sorted
 */
public record MetricDistribution(String metric, String label, double[] values) {
  public MetricDistribution {
    values = values.clone();
    Arrays.sort(values);
  }

  /** The samples of {@code metric} in every outcome. */
  public static MetricDistribution of(
      String metric, String label, Collection<SeedOutcome> outcomes) {
    List<Double> v = new ArrayList<>();
    for (SeedOutcome o : outcomes) {
      for (Map.Entry<String, Double> e : o.metrics().entrySet()) {
        String k = e.getKey();
        if (k.equals(metric) || (k.startsWith(metric + "#") && isCount(k, metric.length() + 1))) {
          v.add(e.getValue());
        }
      }
    }
    return new MetricDistribution(
        metric, label, v.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static boolean isCount(String s, int from) {
    return from < s.length() && s.substring(from).chars().allMatch(Character::isDigit);
  }

  public int count() {
    return values.length;
  }

  /** The nearest-rank percentile {@code p} (0 to 100), or NaN without samples. */
  public double percentile(double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    int k = (int) Math.ceil(p / 100.0 * values.length);
    return values[Math.max(0, Math.min(values.length - 1, k - 1))];
  }

  public double max() {
    return values.length == 0 ? Double.NaN : values[values.length - 1];
  }

  public double mean() {
    return values.length == 0 ? Double.NaN : Arrays.stream(values).average().orElse(Double.NaN);
  }

  /** The samples, for a report. */
  public List<Double> samples() {
    return Arrays.stream(values).boxed().toList();
  }

  /** Prints one table per metric: each configuration's samples, median, p99, max and mean. */
  public static void print(PrintWriter out, List<MetricDistribution> all) {
    List<String> metrics = all.stream().map(MetricDistribution::metric).distinct().toList();
    for (String m : metrics) {
      List<List<String>> table = new ArrayList<>();
      table.add(List.of(m, "samples", "median", "p99", "max", "mean"));
      for (MetricDistribution d : all) {
        if (d.metric().equals(m)) {
          table.add(
              List.of(
                  d.label(),
                  Integer.toString(d.count()),
                  figure(d.percentile(50)),
                  figure(d.percentile(99)),
                  figure(d.max()),
                  figure(d.mean())));
        }
      }
      out.println();
      ComparisonTable.printAligned(out, table);
    }
    if (!metrics.isEmpty()) {
      out.println("percentiles by nearest rank over every sample of every seed.");
    }
    out.flush();
  }

  private static String figure(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }
}
