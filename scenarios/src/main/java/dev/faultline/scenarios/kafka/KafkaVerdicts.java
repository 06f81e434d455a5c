package dev.faultline.scenarios.kafka;

import dev.faultline.checker.delivery.DeliveryAnomaly;
import dev.faultline.checker.delivery.DeliveryChecker;
import dev.faultline.checker.delivery.DeliveryReport;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import dev.faultline.scenarios.Verdict;
import dev.faultline.sim.history.OpLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Turns a {@code kafka-produce} history into verdicts, with the delivery checker run twice: on the
 * whole history, and on the sends plus only the consumer's final read (from offset 0 to the end,
 * after the heal): the log as it finally stands. A record a consumer saw during the run that the
 * log later lost is lost all the same, and a record that a truncated log once held at a second
 * offset is not a duplicate in the log that remains.
 *
 * <p>Anomaly classes, as the oracle table names them: lost (acknowledged, yet missing from the
 * final log or never seen), inconsistent (two records at one acknowledged offset, or acknowledged
 * offsets that go back because the earlier record was lost: a log truncated below what was
 * acknowledged), duplicate, reorder and key-reorder (judged on the final log), and other
 * (poll-skip, nonmonotonic-poll, G1a: a consumer or model bug, never allowed). Unavailability is
 * not an anomaly: it is reported as availability and the longest write outage.
 */
final class KafkaVerdicts {
  private static final int MAX_DETAIL_LINES = 40;

  /** Both reports, the values the final read found, and the anomaly classes. */
  record Judgement(
      DeliveryReport full, DeliveryReport finalLog, Set<Object> finalValues, Set<String> classes) {}

  private KafkaVerdicts() {}

  static Judgement judge(List<Op> ops, long consumer, long finalReadNanos) {
    int start = -1;
    for (int i = 0; i < ops.size() && start < 0; i++) {
      Op op = ops.get(i);
      boolean finalAssign =
          op.process() == consumer
              && op.f().equals("assign")
              && op.type() == OpType.INVOKE
              && op.timeNanos() >= finalReadNanos;
      start = finalAssign ? i : -1;
    }
    return judge(ops, consumer, start);
  }

  /**
   * Judges {@code ops} whose final read by {@code consumer} starts at index {@code start} (-1: it
   * never started, so the final log holds only the sends). A {@code consumer} of -1 means the
   * history has no final read: the final log is the whole history.
   */
  static Judgement judge(List<Op> ops, long consumer, int start) {
    List<Op> finalOps = new ArrayList<>();
    // Looked up only, never iterated: a hash set of the record values (numbers or strings).
    Set<Object> finalValues = new HashSet<>();
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      boolean inFinalRead = consumer < 0 || (op.process() == consumer && start >= 0 && i >= start);
      if (op.process() == consumer && !inFinalRead) {
        continue;
      }
      finalOps.add(op);
      if (inFinalRead
          && op.f().equals("poll")
          && op.type() == OpType.OK
          && op.value() instanceof List<?> l) {
        for (Object pair : l) {
          if (pair instanceof List<?> p && p.size() == 2 && p.get(1) != null) {
            finalValues.add(p.get(1));
          }
        }
      }
    }
    DeliveryReport full = DeliveryChecker.check(ops);
    DeliveryReport last = consumer < 0 ? full : DeliveryChecker.check(finalOps);
    return new Judgement(full, last, finalValues, classes(full, last, finalValues));
  }

  private static Set<String> classes(DeliveryReport full, DeliveryReport last, Set<Object> kept) {
    Set<String> out = new TreeSet<>();
    if (full.counts().lost() > 0 || last.counts().lost() > 0) {
      out.add("lost");
    }
    for (DeliveryReport r : List.of(full, last)) {
      for (DeliveryAnomaly a : r.anomalies()) {
        switch (a.kind()) {
          case LOST_WRITE -> out.add("lost");
          case INCONSISTENT_OFFSETS -> out.add("inconsistent");
          case NONMONOTONIC_SEND -> {
            boolean earlierKept = kept.contains(a.values().get(0));
            if (!earlierKept) {
              out.add("inconsistent");
            } else if (r == last) {
              out.add("reorder");
            }
          }
          case DUPLICATE -> out.add(r == last ? "duplicate" : "");
          case REORDER, IN_FLIGHT_REORDER -> out.add(r == last ? "reorder" : "");
          case KEY_REORDER -> out.add(r == last ? "key-reorder" : "");
          case UNSEEN -> {
            // counted as lost above when the partition was read to its end
          }
          default -> out.add("other:" + a.kind().label());
        }
      }
    }
    out.remove("");
    return out;
  }

  static Verdict delivery(Judgement j, Set<String> allowed) {
    Set<String> failing = new TreeSet<>(j.classes());
    failing.removeAll(allowed);
    List<String> lines = new ArrayList<>();
    lines.add("final log (sends and the final read): " + j.finalLog().describe().get(0));
    j.finalLog().describe().stream().skip(1).forEach(lines::add);
    List<String> during = j.full().describe();
    lines.add("whole run (every poll): " + during.get(0));
    during.stream().skip(1).forEach(lines::add);
    if (lines.size() > MAX_DETAIL_LINES) {
      int more = lines.size() - MAX_DETAIL_LINES;
      lines = new ArrayList<>(lines.subList(0, MAX_DETAIL_LINES));
      lines.add("... and " + more + " more lines");
    }
    String summary =
        j.finalLog().describe().get(0)
            + (j.classes().isEmpty() ? "" : "; anomalies: " + String.join(", ", j.classes()));
    Verdict v =
        failing.isEmpty()
            ? new Verdict("delivery", Verdict.Status.PASS, summary, lines, null)
            : Verdict.fail("delivery", summary, lines).withAnomalies(failing);
    return v.withEvidence(j.finalLog());
  }

  /**
   * The longest stretch, in microseconds, during which some send was outstanding and none was
   * acknowledged: how long the log could not take writes.
   */
  static long longestOutageMicros(OpLog log) {
    long since = -1;
    int outstanding = 0;
    long longest = 0;
    for (OpLog.Entry e : log.entries()) {
      if (!e.f().equals("send")) {
        continue;
      }
      if (e.type() == OpLog.Type.INVOKE) {
        if (outstanding++ == 0) {
          since = e.timeMicros();
        }
        continue;
      }
      outstanding--;
      longest = Math.max(longest, e.timeMicros() - since);
      if (e.type() == OpLog.Type.OK) {
        since = e.timeMicros();
      }
    }
    return longest;
  }

  static void metrics(
      Judgement j, OpLog log, long requestTimeoutMicros, SortedMap<String, Double> m) {
    var c = j.full().counts();
    m.put("sends", (double) c.sends());
    m.put("sends.acknowledged", (double) c.acknowledged());
    m.put("sends.failed", (double) c.failed());
    m.put("sends.indeterminate", (double) c.indeterminate());
    m.put("availability", c.sends() == 0 ? 1.0 : (double) c.acknowledged() / c.sends());
    long outage = longestOutageMicros(log);
    m.put("outage.max.ms", outage / 1000.0);
    boolean unavailable = c.failed() + c.indeterminate() > 0 || outage > requestTimeoutMicros;
    m.put("unavailable", unavailable ? 1.0 : 0.0);
    m.put("records.lost", (double) Math.max(c.lost(), j.finalLog().counts().lost()));
    m.put("records.duplicated", (double) j.finalLog().counts().duplicated());
    for (String k : KafkaKnobs.ANOMALY_CLASSES) {
      m.put("anomaly." + k, j.classes().contains(k) ? 1.0 : 0.0);
    }
    m.put("anomaly.other", j.classes().stream().anyMatch(s -> s.startsWith("other:")) ? 1.0 : 0.0);
  }
}
