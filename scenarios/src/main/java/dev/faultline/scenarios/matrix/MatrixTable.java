package dev.faultline.scenarios.matrix;

import dev.faultline.scenarios.compare.ComparisonTable;
import dev.faultline.scenarios.compare.PairedDifference;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The matrix as the terminal shows it: one aligned table, a row per cell under its group, each
 * paired with the group's baseline; then why each cell that does not hold fails.
 */
public final class MatrixTable {
  private MatrixTable() {}

  /** ✓ and ✗, or {@code ok} and {@code NO} where the terminal's character set has no such signs. */
  public static String mark(boolean holds) {
    boolean unicode = Charset.defaultCharset().newEncoder().canEncode("\u2713\u2717");
    if (unicode) {
      return holds ? "\u2713" : "\u2717";
    }
    return holds ? "ok" : "NO";
  }

  /**
   * Each cell paired with its group's baseline (the group's first cell) seed by seed: null for a
   * baseline. Unlike {@code compare}, a seed stays paired when its fault schedule differs from the
   * baseline's: here a schedule differs because the configuration adds a fault (a stale replica's
   * prelude) or because a nemesis reacts to the run (Raft's election nemesis strikes when an
   * election happens), and leaving those seeds out would leave out exactly the seeds where the
   * configuration changed what happened, pulling the difference towards zero. {@link
   * #schedulesDiffer} counts them, and the output says so.
   */
  public static List<PairedDifference> paired(List<CellOutcome> cells) {
    List<PairedDifference> out = new ArrayList<>();
    List<CellOutcome> bases = baselines(cells);
    for (int i = 0; i < cells.size(); i++) {
      CellOutcome o = cells.get(i);
      CellOutcome base = bases.get(i);
      out.add(
          base == null
              ? null
              : PairedDifference.of(
                  o.cell().label(),
                  base.cell().label(),
                  base.outcomes(),
                  base.schedules(),
                  o.outcomes(),
                  base.schedules()));
    }
    return out;
  }

  /**
   * For each cell, the seeds whose fault schedule differs from its baseline's (0 for a baseline).
   */
  public static List<Integer> schedulesDiffer(List<CellOutcome> cells) {
    List<Integer> out = new ArrayList<>();
    List<CellOutcome> bases = baselines(cells);
    for (int i = 0; i < cells.size(); i++) {
      CellOutcome base = bases.get(i);
      int differ = 0;
      if (base != null) {
        for (Map.Entry<Long, String> e : cells.get(i).schedules().entrySet()) {
          differ += e.getValue().equals(base.schedules().get(e.getKey())) ? 0 : 1;
        }
      }
      out.add(differ);
    }
    return out;
  }

  /** For each cell, its group's baseline, or null when it is the baseline. */
  private static List<CellOutcome> baselines(List<CellOutcome> cells) {
    Map<String, CellOutcome> first = new LinkedHashMap<>();
    List<CellOutcome> out = new ArrayList<>();
    for (CellOutcome o : cells) {
      out.add(first.putIfAbsent(o.cell().group(), o));
    }
    return out;
  }

  /** What the seeds showed: {@code lost 300, inconsistent 12}, or {@code nothing}. */
  public static String seen(CellOutcome o) {
    StringJoiner j = new StringJoiner(", ");
    o.seedsByClass().forEach((k, v) -> j.add(k + " " + v));
    return j.length() == 0 ? "nothing" : j.toString();
  }

  /** The difference column, its interval and p-value, or why there are none. */
  public static List<String> pairedColumns(PairedDifference d) {
    if (d == null) {
      return List.of("baseline", "", "");
    }
    if (d.paired() == 0) {
      return List.of("unpaired", "", "");
    }
    return List.of(
        ComparisonTable.signedPct(d.difference()),
        "[" + ComparisonTable.signedPct(d.low()) + ", " + ComparisonTable.signedPct(d.high()) + "]",
        ComparisonTable.pValue(d.pValue()));
  }

  public static void print(PrintWriter out, List<CellOutcome> cells) {
    List<PairedDifference> paired = paired(cells);
    List<List<String>> table = new ArrayList<>();
    table.add(
        List.of(
            "cell",
            "seeds",
            "failed",
            "vs baseline",
            "95% CI",
            "McNemar p",
            "holds",
            "  must (+) / must not (-) show  |  seen (seeds)"));
    String group = null;
    for (int i = 0; i < cells.size(); i++) {
      CellOutcome o = cells.get(i);
      if (!o.cell().group().equals(group)) {
        group = o.cell().group();
        table.add(List.of(group, "", "", "", "", "", "", ""));
      }
      List<String> row = new ArrayList<>();
      row.add("  " + o.cell().label());
      row.add(Integer.toString(o.runs()));
      row.add(Integer.toString(o.failed()));
      row.addAll(pairedColumns(paired.get(i)));
      row.add(mark(o.holds()));
      row.add("  " + o.cell().expectation() + "  |  " + seen(o));
      table.add(row);
    }
    printLeftLast(out, table);
    out.println(
        "vs baseline: failure rate (seeds where any check failed) minus the group's first"
            + " configuration's, paired seed by seed; 95% CI: paired Wald interval (Agresti-Min);"
            + " McNemar p: exact two-sided test on the discordant seeds.");
    List<Integer> differ = schedulesDiffer(cells);
    for (int i = 0; i < cells.size(); i++) {
      if (differ.get(i) > 0) {
        out.println(scheduleNote(cells.get(i), differ.get(i)));
      }
    }
    for (CellOutcome o : cells) {
      for (String p : o.problems()) {
        out.println(mark(false) + " " + o.cell().id() + ": " + p);
      }
    }
    out.flush();
  }

  /** The line saying that a cell's fault schedules differ from its baseline's, and on how many. */
  public static String scheduleNote(CellOutcome o, int differ) {
    return o.cell().id()
        + ": fault schedules differ from the baseline's on "
        + differ
        + " of "
        + o.runs()
        + " seeds (the configuration adds a fault, or a nemesis reacts to the run); paired by"
        + " seed all the same";
  }

  /** Aligned as ComparisonTable does, but the last (free text) column is not padded. */
  private static void printLeftLast(PrintWriter out, List<List<String>> table) {
    List<List<String>> head = new ArrayList<>();
    for (List<String> row : table) {
      head.add(row.subList(0, row.size() - 1));
    }
    java.io.StringWriter buf = new java.io.StringWriter();
    PrintWriter pw = new PrintWriter(buf);
    ComparisonTable.printAligned(pw, head);
    pw.flush();
    String[] lines = buf.toString().split("\n", -1);
    int width = 0;
    for (int i = 0; i < table.size(); i++) {
      width = Math.max(width, lines[i].length());
    }
    for (int i = 0; i < table.size(); i++) {
      String last = table.get(i).get(table.get(i).size() - 1);
      String line = lines[i] + (last.isEmpty() ? "" : " ".repeat(width - lines[i].length()) + last);
      out.println(line.stripTrailing());
    }
  }
}
