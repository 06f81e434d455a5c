package dev.faultline.reports;

import dev.faultline.checker.delivery.DeliveryChecker;
import dev.faultline.checker.delivery.DeliveryReport;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.linear.CheckOptions;
import dev.faultline.checker.linear.CheckResult;
import dev.faultline.checker.linear.Linearizability;
import dev.faultline.checker.linear.Models;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.trace.TraceEvent;
import dev.faultline.sim.trace.TraceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Hand-built report inputs: a small cluster, a history that is not linearizable, a lost write. */
final class Fixtures {
  static final String SCRIPT = "<script>alert(1)</script>";

  /** A message for the trace; any immutable object will do. */
  record Ping(int n) {}

  private Fixtures() {}

  /** Three servers and two clients over five seconds, with a crash, a partition and roles. */
  static RunReportInput run(String extraKnob, String extraValue, String detail) {
    SortedMap<String, String> knobs = new TreeMap<>();
    knobs.put("nodes", "3");
    knobs.put("faults", "crash,partition");
    if (extraKnob != null) {
      knobs.put(extraKnob, extraValue);
    }
    List<Op> history = registerHistory(extraValue);
    CheckResult lin =
        Linearizability.check(history, Models.casRegister(null), CheckOptions.defaults());
    List<CheckVerdict> verdicts = new ArrayList<>();
    verdicts.add(
        new CheckVerdict(
            "linearizable",
            lin.verdict().name().equals("NOT_LINEARIZABLE") ? "FAIL" : "PASS",
            lin.verdict().name(),
            detail == null ? List.of("a read saw a value nobody wrote") : List.of(detail),
            lin));
    DeliveryReport delivery = DeliveryChecker.check(queueHistory());
    verdicts.add(
        new CheckVerdict("delivery", "FAIL", delivery.describe().get(0), List.of(), delivery));
    verdicts.add(
        new CheckVerdict(
            "liveness", "PASS", "served again 120 ms after the heal", List.of(), null));
    SortedMap<String, Double> metrics = new TreeMap<>();
    metrics.put("ops.ok", 9.0);
    metrics.put("availability", 0.875);
    FaultSchedule schedule =
        FaultSchedule.parse(
            "1.000000s crash n2\n2.000000s restart n2\n3.000000s partition halves n1|n2,n3\n");
    return new RunReportInput(
        "raft-kv",
        42,
        knobs,
        schedule,
        "0123456789abcdef",
        "./faultline run raft-kv --seed 42",
        5_000_000,
        verdicts,
        metrics,
        history,
        trace(),
        List.of("n1", "n2", "n3", "c1", "c2"),
        new java.util.TreeMap<>(java.util.Map.of(0L, "c1", 1L, "c2")));
  }

  /** Process 0 writes 1, then 2; process 1 reads 1 after the second write returned: stale. */
  static List<Op> registerHistory(String value) {
    List<Op> h = new ArrayList<>();
    h.add(Op.invoke(0, "write", null, 1L, 500_000_000L));
    h.add(Op.ok(0, "write", null, 1L, 520_000_000L));
    h.add(Op.invoke(0, "write", null, 2L, 1_100_000_000L));
    h.add(Op.ok(0, "write", null, 2L, 1_180_000_000L));
    h.add(Op.invoke(1, "read", null, null, 1_300_000_000L));
    h.add(Op.ok(1, "read", null, 1L, 1_340_000_000L));
    h.add(Op.invoke(1, "write", null, value == null ? 3L : value, 2_000_000_000L));
    h.add(Op.fail(1, "write", null, value == null ? 3L : value, 2_050_000_000L));
    h.add(Op.invoke(0, "read", null, null, 3_100_000_000L));
    h.add(Op.info(0, "read", null, null, 3_600_000_000L));
    for (int i = 0; i < 8; i++) {
      long t = 4_000_000_000L + i * 100_000_000L;
      h.add(Op.invoke(1, "read", null, null, t));
      h.add(Op.ok(1, "read", null, 1L, t + 3_000_000L));
    }
    return h;
  }

  /** Two acknowledged sends to partition 0; a poll reads only the second: the first is lost. */
  static List<Op> queueHistory() {
    List<Op> h = new ArrayList<>();
    h.add(Op.invoke(2, "send", 0L, 10L, 100));
    h.add(Op.ok(2, "send", 0L, List.of(0L, 10L), 200));
    h.add(Op.invoke(2, "send", 0L, 11L, 300));
    h.add(Op.ok(2, "send", 0L, List.of(1L, 11L), 400));
    h.add(Op.invoke(3, "poll", 0L, null, 500));
    h.add(Op.ok(3, "poll", 0L, List.of(List.of(1L, 11L)), 600));
    return h;
  }

  static List<TraceEvent> trace() {
    List<TraceEvent> ev = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      add(ev, 0, TraceKind.START, i, -1, null);
    }
    add(ev, 0, TraceKind.ROLE, 0, -1, "follower");
    add(ev, 0, TraceKind.ROLE, 1, -1, "follower");
    add(ev, 0, TraceKind.ROLE, 2, -1, "follower");
    add(ev, 150_000, TraceKind.ROLE, 0, -1, "candidate");
    add(ev, 160_000, TraceKind.ROLE, 0, -1, "leader");
    for (int k = 0; k < 90; k++) {
      long t = 200_000 + k * 50_000L;
      int to = 1 + k % 2;
      Ping p = new Ping(k);
      add(ev, t, TraceKind.SEND, 0, to, p);
      boolean down = to == 1 && t >= 1_000_000 && t < 2_000_000;
      add(ev, t + 2_000, down ? TraceKind.DROP : TraceKind.DELIVER, 0, to, p);
    }
    add(ev, 1_000_000, TraceKind.CRASH, 1, -1, null);
    add(ev, 1_000_000, TraceKind.ROLE, 1, -1, "down");
    add(ev, 2_000_000, TraceKind.RESTART, 1, -1, null);
    add(ev, 2_000_100, TraceKind.ROLE, 1, -1, "follower");
    add(
        ev,
        3_000_000,
        TraceKind.PARTITION,
        -1,
        -1,
        FaultSchedule.parse("3.000000s partition halves n1|n2,n3").faults().get(0).fault());
    add(ev, 3_200_000, TraceKind.ROLE, 1, -1, "candidate");
    add(ev, 4_000_000, TraceKind.HEAL, -1, -1, new dev.faultline.sim.fault.Fault.Heal());
    add(ev, 4_100_000, TraceKind.ROLE, 1, -1, "follower");
    ev.sort(java.util.Comparator.comparingLong(TraceEvent::timeMicros));
    List<TraceEvent> out = new ArrayList<>();
    for (TraceEvent e : ev) {
      out.add(new TraceEvent(out.size(), e.timeMicros(), e.kind(), e.from(), e.to(), e.subject()));
    }
    return out;
  }

  private static void add(List<TraceEvent> ev, long t, TraceKind k, int from, int to, Object s) {
    ev.add(new TraceEvent(ev.size(), t, k, from, to, s));
  }
}
