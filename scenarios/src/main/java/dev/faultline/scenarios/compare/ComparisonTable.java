package dev.faultline.scenarios.compare;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Prints a comparison as an aligned table, one row per configuration. */
public final class ComparisonTable {
  private ComparisonTable() {}

  public static void print(PrintWriter out, List<ComparisonRow> rows) {
    TreeSet<String> checks = new TreeSet<>();
    for (ComparisonRow r : rows) {
      checks.addAll(r.failedByCheck().keySet());
    }
    List<String> header =
        new ArrayList<>(List.of("configuration", "runs", "failed", "rate", "95% CI"));
    for (String c : checks) {
      header.add(c);
    }
    header.addAll(List.of("availability", "p50 ms", "p99 ms", "max ms"));
    List<List<String>> table = new ArrayList<>();
    table.add(header);
    for (ComparisonRow r : rows) {
      List<String> cells = new ArrayList<>();
      cells.add(r.label());
      cells.add(Integer.toString(r.runs()));
      cells.add(Integer.toString(r.failed()));
      cells.add(pct(r.rate()));
      double[] ci = r.interval();
      cells.add("[" + pct(ci[0]) + ", " + pct(ci[1]) + "]");
      for (String c : checks) {
        cells.add(Integer.toString(r.failedByCheck().getOrDefault(c, 0)));
      }
      cells.add(Double.isNaN(r.availability()) ? "-" : pct(r.availability()));
      boolean any = r.latency().getTotalCount() > 0;
      cells.add(any ? ms(r.latency().getValueAtPercentile(50)) : "-");
      cells.add(any ? ms(r.latency().getValueAtPercentile(99)) : "-");
      cells.add(any ? ms(r.latency().getMaxValue()) : "-");
      table.add(cells);
    }
    int[] width = new int[header.size()];
    for (List<String> row : table) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    for (List<String> row : table) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        sb.append(i == 0 ? pad(cell, width[i]) : padLeft(cell, width[i]));
        sb.append(i + 1 < row.size() ? "  " : "");
      }
      out.println(sb.toString().stripTrailing());
    }
    out.println(
        "failed: seeds where any check failed; a check's column counts seeds where it failed."
            + " 95% CI: Wilson score interval of the rate.");
    out.println(
        "availability: mean share of client operations that succeeded; latency: successful"
            + " operations, all seeds of the configuration.");
    out.flush();
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static String ms(long micros) {
    return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(w - s.length());
  }

  private static String padLeft(String s, int w) {
    return " ".repeat(w - s.length()) + s;
  }
}
