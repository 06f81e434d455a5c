package dev.faultline.scenarios.compare;

import dev.faultline.scenarios.sweep.SeedOutcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * The median, minimum and maximum of a scenario's headline metrics per configuration, over the
 * seeds that measured them (a negative value means "not measured" and is left out).
 */
public final class MetricMedians {
  private MetricMedians() {}

  public static void print(
      PrintWriter out,
      List<String> metrics,
      List<String> labels,
      List<SortedMap<Long, SeedOutcome>> outcomes) {
    if (metrics.isEmpty()) {
      return;
    }
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("configuration"));
    metrics.forEach(m -> header.add(m + " (median [min, max])"));
    table.add(header);
    for (int i = 0; i < labels.size(); i++) {
      List<String> row = new ArrayList<>(List.of(labels.get(i)));
      for (String m : metrics) {
        row.add(cell(outcomes.get(i), m));
      }
      table.add(row);
    }
    out.println();
    out.println("headline metrics, over the seeds that measured them:");
    int[] width = new int[header.size()];
    for (List<String> r : table) {
      for (int c = 0; c < r.size(); c++) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    for (List<String> r : table) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < r.size(); c++) {
        String v = r.get(c);
        sb.append(
            c == 0 ? v + " ".repeat(width[c] - v.length()) : " ".repeat(width[c] - v.length()) + v);
        sb.append(c + 1 < r.size() ? "  " : "");
      }
      out.println(sb.toString().stripTrailing());
    }
    out.flush();
  }

  /** "median [min, max]" of metric {@code m} over the outcomes, or "-" when none measured it. */
  static String cell(SortedMap<Long, SeedOutcome> outcomes, String m) {
    double[] values =
        outcomes.values().stream()
            .map(o -> o.metrics().get(m))
            .filter(v -> v != null && v >= 0)
            .mapToDouble(Double::doubleValue)
            .sorted()
            .toArray();
    if (values.length == 0) {
      return "-";
    }
    int n = values.length;
    double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return String.format(
        Locale.ROOT, "%.0f [%.0f, %.0f]", median, values[0], Arrays.stream(values).max().orElse(0));
  }
}
