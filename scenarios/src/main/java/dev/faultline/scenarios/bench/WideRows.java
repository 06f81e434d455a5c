package dev.faultline.scenarios.bench;

import dev.faultline.checker.gen.WideHistories;
import dev.faultline.checker.gen.WideHistorySpec;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import dev.faultline.checker.linear.CheckOptions;
import dev.faultline.checker.linear.CheckResult;
import dev.faultline.checker.linear.Linearizability;
import dev.faultline.checker.linear.Models;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The wide rows of {@code faultline bench checker}: generated cas-register histories with many
 * processes and crashed operations (the histories {@code faultline gen-history} writes with the
 * same options), timed as the other rows are, beside Porcupine's times on the same files as
 * recorded in BENCHMARKS.md; then how far a time limit is overshot on a wide history that cannot be
 * decided in time.
 */
final class WideRows {
  /**
   * One row: the history, repetitions, and Porcupine's time on the same file, recorded on this
   * machine (see BENCHMARKS.md); Porcupine is not run here.
   */
  private record Row(String name, List<Op> history, int reps, String porcupine) {}

  private WideRows() {}

  static void run(PrintWriter out) {
    List<Row> rows = new ArrayList<>();
    rows.add(row("wide 2,000 entries", WideHistorySpec.wide(2_000, 1), 15, "2.2 s"));
    rows.add(row("wide 20,000 entries", WideHistorySpec.wide(20_000, 1), 5, "undecided at 120 s"));
    rows.add(
        row("wide 100,000 entries", WideHistorySpec.wide(100_000, 1), 3, "undecided at 120 s"));
    rows.add(
        row(
            "wide 20,000, stale read",
            WideHistorySpec.wide(20_000, 1).withViolation(true),
            3,
            "undecided at 120 s"));
    rows.add(
        new Row(
            "220 writers + 120 info",
            WideHistories.concurrentWrites(220, 120, true, 1),
            15,
            "undecided at 120 s"));
    out.printf(
        Locale.ROOT,
        "%nwide histories: one cas-register, 60 processes, 40%% read / 35%% write / 25%% cas over"
            + " 0-9, 10%% of writes and cas crash (faultline gen-history --entries N [--violation],"
            + " seed 1); Porcupine's times recorded on this machine (BENCHMARKS.md), not run here%n");
    out.printf(
        Locale.ROOT,
        "%-26s %6s %4s %10s %9s %10s  %-18s %s%n",
        "item",
        "ops",
        "N",
        "median ms",
        "min ms",
        "configs",
        "verdict",
        "Porcupine (recorded)");
    for (Row r : rows) {
      measure(out, r);
      out.flush();
    }
  }

  private static Row row(String name, WideHistorySpec spec, int reps, String porcupine) {
    return new Row(name, WideHistories.mixed(spec), reps, porcupine);
  }

  private static void measure(PrintWriter out, Row r) {
    CheckOptions options = CheckOptions.defaults().withTimeLimit(Duration.ofSeconds(60));
    for (int i = 0; i < Math.max(1, r.reps() / 3); i++) {
      Linearizability.check(r.history(), Models.casRegister(null), options);
    }
    double[] ms = new double[r.reps()];
    CheckResult result = null;
    for (int i = 0; i < r.reps(); i++) {
      long t0 = System.nanoTime();
      result = Linearizability.check(r.history(), Models.casRegister(null), options);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    out.printf(
        Locale.ROOT,
        "%-26s %6d %4d %10.1f %9.1f %10d  %-18s %s%n",
        r.name(),
        invokes(r.history()),
        r.reps(),
        ms[ms.length / 2],
        ms[0],
        result.configurations(),
        result.verdict(),
        r.porcupine());
  }

  private static int invokes(List<Op> ops) {
    return (int) ops.stream().filter(o -> o.type() == OpType.INVOKE).count();
  }

  /** How far the time limit is overshot, in this JVM, on {@link #undecidable()}. */
  static void overshoot(PrintWriter out) {
    List<Op> history = undecidable();
    long info = history.stream().filter(o -> o.type() == OpType.INFO).count();
    for (double seconds : new double[] {1, 5}) {
      long t0 = System.nanoTime();
      CheckResult r =
          Linearizability.check(
              history,
              Models.casRegister(null),
              CheckOptions.defaults().withTimeLimit(Duration.ofMillis((long) (seconds * 1000))));
      double ms = (System.nanoTime() - t0) / 1e6;
      out.printf(
          Locale.ROOT,
          "time limit %.0f s on %d operations over 60 processes (%d :info) that cannot be decided"
              + " in time, in this JVM: %s after %.0f ms, overshoot %.1f%%%n",
          seconds,
          invokes(history),
          info,
          r.verdict(),
          ms,
          Math.max(0, (ms / (seconds * 1000) - 1) * 100));
    }
  }

  /**
   * A wide history that cannot be decided in a few seconds: 10,000 operations over 60 processes, a
   * third of writes and cas crashing, then 40 concurrent writes (each value twice) and two reads no
   * order explains, which the search must exhaust.
   */
  static List<Op> undecidable() {
    WideHistorySpec spec =
        new WideHistorySpec(60, 20_000, 40, 35, 10, 33, false, false, 1000, 1000, 7);
    List<Op> history = new ArrayList<>(WideHistories.mixed(spec));
    long p = 1_000_000;
    int writers = 40;
    for (int i = 0; i < writers; i++) {
      history.add(Op.invoke(p + i, "write", null, (long) (100 + i % (writers / 2)), -1));
    }
    for (int i = 0; i < writers; i++) {
      history.add(Op.ok(p + i, "write", null, (long) (100 + i % (writers / 2)), -1));
    }
    for (long v = 100; v < 102; v++) {
      history.add(Op.invoke(p + writers, "read", null, null, -1));
      history.add(Op.ok(p + writers, "read", null, v, -1));
    }
    return history;
  }
}
