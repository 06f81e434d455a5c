package dev.faultline.scenarios.batch;

import dev.faultline.models.batch.BatchConfig;
import dev.faultline.models.batch.DagRun;
import dev.faultline.models.batch.OutputRow;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The check of a batch pipeline's output: for each data interval, its partition must hold exactly
 * one processed copy of each of its input rows, whatever runs, re-runs and backfills wrote it. A
 * row written more than once is a {@code duplicate}, an input row absent is {@code missing}, a row
 * of another interval is {@code foreign}; each anomaly names the interval, the row, and the runs
 * and attempts that wrote it (or, when nothing did, the interval's runs and how they ended).
 */
public final class IntervalCheck {
  /** The kinds of anomaly, as verdicts and metrics name them. */
  public static final List<String> KINDS = List.of("duplicate", "missing", "foreign");

  /**
   * One anomaly.
   *
   * @param kind duplicate, missing or foreign
   * @param interval the interval whose partition shows it
   * @param row the row
   * @param detail one line naming the writers and the runs
   */
  public record Anomaly(String kind, int interval, long row, String detail) {}

  private IntervalCheck() {}

  /**
   * Checks every interval 1..{@code intervals}, each expected to hold rows {@code interval * 1000 +
   * 0..rowsPerInterval-1} once.
   *
   * @param partitions each interval's partition as the sink holds it (absent: empty)
   * @param runs every DAG run the scheduler created
   */
  public static List<Anomaly> check(
      int intervals,
      int rowsPerInterval,
      SortedMap<Integer, List<OutputRow>> partitions,
      List<DagRun> runs) {
    List<Anomaly> out = new ArrayList<>();
    for (int i = 1; i <= intervals; i++) {
      SortedMap<Long, List<OutputRow>> byRow = new TreeMap<>();
      for (OutputRow r : partitions.getOrDefault(i, List.of())) {
        byRow.computeIfAbsent(r.row(), x -> new ArrayList<>()).add(r);
      }
      for (int j = 0; j < rowsPerInterval; j++) {
        long row = BatchConfig.rowId(i, j);
        List<OutputRow> copies = byRow.getOrDefault(row, List.of());
        if (copies.isEmpty()) {
          out.add(
              new Anomaly(
                  "missing",
                  i,
                  row,
                  "interval " + i + ": row " + row + " missing; " + writers(byRow, i, runs)));
        } else if (copies.size() > 1) {
          out.add(
              new Anomaly(
                  "duplicate",
                  i,
                  row,
                  "interval "
                      + i
                      + ": row "
                      + row
                      + " written "
                      + copies.size()
                      + " times, by "
                      + names(copies)
                      + "; "
                      + runsOf(i, runs)));
        }
      }
      for (var e : byRow.entrySet()) {
        int home = BatchConfig.intervalOf(e.getKey());
        boolean ours = home == i && e.getKey() % BatchConfig.ROW_ID_BASE < rowsPerInterval;
        if (!ours) {
          out.add(
              new Anomaly(
                  "foreign",
                  i,
                  e.getKey(),
                  "interval "
                      + i
                      + ": row "
                      + e.getKey()
                      + " of interval "
                      + home
                      + " written by "
                      + names(e.getValue())
                      + "; "
                      + runsOf(i, runs)));
        }
      }
    }
    return out;
  }

  private static String writers(SortedMap<Long, List<OutputRow>> byRow, int i, List<DagRun> runs) {
    List<OutputRow> all = new ArrayList<>();
    byRow.values().forEach(all::addAll);
    String by = all.isEmpty() ? "nothing was written" : "partition written by " + names(all);
    return by + "; " + runsOf(i, runs);
  }

  /** {@code run 3 attempt 1 and run 9 attempt 2}, each writer once, in order. */
  static String names(List<OutputRow> rows) {
    List<String> names = new ArrayList<>();
    for (OutputRow r : rows) {
      String n = "run " + r.run() + " attempt " + r.attempt();
      if (!names.contains(n)) {
        names.add(n);
      }
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  static String runsOf(int interval, List<DagRun> runs) {
    List<String> of = new ArrayList<>();
    for (DagRun r : runs) {
      if (r.interval() == interval) {
        of.add(r.describe());
      }
    }
    return of.isEmpty()
        ? "no run of interval " + interval + " was ever created"
        : "runs of interval " + interval + ": " + String.join(", ", of);
  }
}
