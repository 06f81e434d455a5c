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
    printAligned(out, table);
    out.println(
        "failed: seeds where any check failed; a check's column counts seeds where it failed."
            + " 95% CI: Wilson score interval of the rate.");
    out.println(
        "availability: mean share of client operations that succeeded; latency: successful"
            + " operations, all seeds of the configuration.");
    out.flush();
  }

  /**
   * Prints each configuration against the first on the seeds they share a fault schedule on: the
   * difference in failure rate with its paired 95% interval, the discordant seeds and McNemar's
   * exact p-value.
   */
  public static void printPaired(PrintWriter out, List<PairedDifference> paired) {
    if (paired.isEmpty()) {
      return;
    }
    List<List<String>> table = new ArrayList<>();
    table.add(
        List.of(
            "against " + paired.get(0).baseline(),
            "paired",
            "only it failed",
            "only baseline failed",
            "difference",
            "95% CI",
            "McNemar p"));
    List<String> notes = new ArrayList<>();
    for (PairedDifference d : paired) {
      if (d.paired() == 0) {
        table.add(List.of(d.label(), "0", "-", "-", "-", "-", "-"));
        notes.add(
            d.label()
                + ": pairing does not apply: the fault schedules differ from the baseline's on"
                + " every seed");
        continue;
      }
      table.add(
          List.of(
              d.label(),
              Integer.toString(d.paired()),
              Integer.toString(d.onlyThisFailed()),
              Integer.toString(d.onlyBaselineFailed()),
              signedPct(d.difference()),
              "[" + signedPct(d.low()) + ", " + signedPct(d.high()) + "]",
              pValue(d.pValue())));
      if (d.unpaired() > 0) {
        notes.add(
            d.label()
                + ": "
                + d.unpaired()
                + " seed(s) left out of the pairing: their fault schedules differ from the"
                + " baseline's");
      }
    }
    out.println();
    out.println("paired, seed by seed, against the first configuration:");
    printAligned(out, table);
    out.println(
        "difference: failure rate minus the baseline's on the paired seeds; 95% CI: paired Wald"
            + " interval (Agresti-Min); McNemar p: exact two-sided test on the discordant seeds.");
    notes.forEach(out::println);
    out.flush();
  }

  /** Prints {@code table} with its first column left-aligned and the others right-aligned. */
  public static void printAligned(PrintWriter out, List<List<String>> table) {
    int[] width = new int[table.get(0).size()];
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
  }

  /** {@code v} as a signed percentage, one decimal. */
  public static String signedPct(double v) {
    return String.format(Locale.ROOT, "%+.1f%%", 100 * v);
  }

  /** A p-value with four decimals, or {@code <0.0001}. */
  public static String pValue(double p) {
    return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
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
