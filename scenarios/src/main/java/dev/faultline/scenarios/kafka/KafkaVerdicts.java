package dev.faultline.scenarios.kafka;

import dev.faultline.checker.delivery.DeliveryAnomaly;
import dev.faultline.checker.delivery.DeliveryChecker;
import dev.faultline.checker.delivery.DeliveryReport;
import dev.faultline.checker.history.Op;
import dev.faultline.scenarios.Verdict;
import dev.faultline.sim.history.OpLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Turns a {@code kafka-produce} history into verdicts. Delivery anomalies fall into the classes the
 * oracle table speaks of: lost (lost-write, or an unseen acknowledged record in a partition read to
 * its end), inconsistent (two records at one acknowledged offset, or acknowledged offsets that go
 * back: both follow from a log truncated below what was acknowledged), duplicate, reorder (reorder,
 * in-flight-reorder); anything else the checker finds (poll-skip, nonmonotonic-poll, G1a) is a
 * consumer or history bug and always fails. Unavailability is not an anomaly: it is reported as
 * availability and the longest write outage.
 */
final class KafkaVerdicts {
  private static final int MAX_DETAIL_LINES = 40;

  private KafkaVerdicts() {}

  /** The anomaly classes a report shows, by their knob names. */
  static Set<String> classes(DeliveryReport report) {
    Set<String> out = new TreeSet<>();
    if (report.counts().lost() > 0) {
      out.add("lost");
    }
    for (DeliveryAnomaly a : report.anomalies()) {
      switch (a.kind()) {
        case LOST_WRITE -> out.add("lost");
        case INCONSISTENT_OFFSETS, NONMONOTONIC_SEND -> out.add("inconsistent");
        case DUPLICATE -> out.add("duplicate");
        case REORDER, IN_FLIGHT_REORDER -> out.add("reorder");
        case UNSEEN -> {
          // counted above when the partition was read to its end
        }
        default -> out.add("other:" + a.kind().label());
      }
    }
    return out;
  }

  static Verdict delivery(DeliveryReport report, Set<String> allowed) {
    Set<String> found = classes(report);
    Set<String> failing = new TreeSet<>(found);
    failing.removeAll(allowed);
    List<String> lines = report.describe();
    if (lines.size() > MAX_DETAIL_LINES) {
      int more = lines.size() - MAX_DETAIL_LINES;
      lines = new ArrayList<>(lines.subList(0, MAX_DETAIL_LINES));
      lines.add("... and " + more + " more lines");
    }
    String summary = lines.get(0) + (found.isEmpty() ? "" : "; anomalies: " + found);
    Verdict v =
        failing.isEmpty()
            ? new Verdict(
                "delivery", Verdict.Status.PASS, summary, lines.subList(1, lines.size()), null)
            : Verdict.fail("delivery", summary, lines.subList(1, lines.size()));
    return v.withEvidence(report);
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
      DeliveryReport report, OpLog log, long requestTimeoutMicros, SortedMap<String, Double> m) {
    var c = report.counts();
    m.put("sends", (double) c.sends());
    m.put("sends.acknowledged", (double) c.acknowledged());
    m.put("sends.failed", (double) c.failed());
    m.put("sends.indeterminate", (double) c.indeterminate());
    m.put("availability", c.sends() == 0 ? 1.0 : (double) c.acknowledged() / c.sends());
    long outage = longestOutageMicros(log);
    m.put("outage.max.ms", outage / 1000.0);
    boolean unavailable = c.failed() + c.indeterminate() > 0 || outage > requestTimeoutMicros;
    m.put("unavailable", unavailable ? 1.0 : 0.0);
    m.put("records.lost", (double) c.lost());
    m.put("records.duplicated", (double) c.duplicated());
    Set<String> found = classes(report);
    for (String k : KafkaKnobs.ANOMALY_CLASSES) {
      m.put("anomaly." + k, found.contains(k) ? 1.0 : 0.0);
    }
    m.put("anomaly.other", found.stream().anyMatch(s -> s.startsWith("other:")) ? 1.0 : 0.0);
  }

  static DeliveryReport check(List<Op> ops) {
    return DeliveryChecker.check(ops);
  }
}
