package dev.faultline.scenarios.kafka;

import dev.faultline.checker.delivery.DeliveryAnomaly;
import dev.faultline.checker.delivery.DeliveryChecker;
import dev.faultline.checker.delivery.DeliveryReport;
import dev.faultline.checker.history.Op;
import dev.faultline.scenarios.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Turns a {@code kafka-txn} history into its delivery verdict. The checker runs twice: on the
 * producers' operations with the checked consumer's (whose isolation level the knob sets), which
 * decides the verdict, and with the read_uncommitted observer's, whose aborted reads are only
 * counted: reading aborted records is what read_uncommitted means.
 *
 * <p>Anomaly classes: lost (a committed send nobody read), duplicate, G1a, torn-transaction,
 * zombie-write, nonmonotonic-lso, reorder (any reordering of one producer's records), and other
 * (poll-skip, nonmonotonic-poll, inconsistent offsets: a consumer or model bug, never allowed).
 */
final class KafkaTxnVerdicts {
  private static final int MAX_DETAIL_LINES = 40;

  /** Both reports and the checked one's anomaly classes. */
  record Judgement(DeliveryReport checked, DeliveryReport observer, Set<String> classes) {}

  private KafkaTxnVerdicts() {}

  static Judgement judge(List<Op> ops, Set<Long> producers, long checked, long observer) {
    List<Op> mine = new ArrayList<>();
    List<Op> theirs = new ArrayList<>();
    for (Op op : ops) {
      boolean producer = producers.contains(op.process());
      if (producer || op.process() == checked) {
        mine.add(op);
      }
      if (producer || op.process() == observer) {
        theirs.add(op);
      }
    }
    DeliveryReport a = DeliveryChecker.check(mine);
    DeliveryReport b = DeliveryChecker.check(theirs);
    return new Judgement(a, b, classes(a));
  }

  private static Set<String> classes(DeliveryReport r) {
    Set<String> out = new TreeSet<>();
    if (r.counts().lost() > 0) {
      out.add("lost");
    }
    for (DeliveryAnomaly a : r.anomalies()) {
      out.add(
          switch (a.kind()) {
            case LOST_WRITE, UNSEEN -> r.counts().lost() > 0 ? "lost" : "";
            case DUPLICATE -> "duplicate";
            case ABORTED_READ -> "G1a";
            case TORN_TRANSACTION -> "torn-transaction";
            case ZOMBIE_WRITE -> "zombie-write";
            case NONMONOTONIC_LSO -> "nonmonotonic-lso";
            case REORDER, IN_FLIGHT_REORDER, KEY_REORDER, NONMONOTONIC_SEND -> "reorder";
            default -> "other:" + a.kind().label();
          });
    }
    out.remove("");
    return out;
  }

  static Verdict delivery(Judgement j, Set<String> allowed) {
    Set<String> failing = new TreeSet<>(j.classes());
    failing.removeAll(allowed);
    List<String> lines = new ArrayList<>(j.checked().describe());
    if (lines.size() > MAX_DETAIL_LINES) {
      int more = lines.size() - MAX_DETAIL_LINES;
      lines = new ArrayList<>(lines.subList(0, MAX_DETAIL_LINES));
      lines.add("... and " + more + " more lines");
    }
    String summary =
        j.checked().describe().get(0)
            + (j.classes().isEmpty() ? "" : "; anomalies: " + String.join(", ", j.classes()));
    Verdict v =
        failing.isEmpty()
            ? new Verdict("delivery", Verdict.Status.PASS, summary, lines, null)
            : Verdict.fail("delivery", summary, lines);
    return v.withEvidence(j.checked());
  }

  static void metrics(Judgement j, SortedMap<String, Double> m) {
    var c = j.checked().counts();
    m.put("sends", (double) c.sends());
    m.put("sends.committed", (double) c.acknowledged());
    m.put("sends.aborted", (double) c.failed());
    m.put("sends.indeterminate", (double) c.indeterminate());
    m.put("records.lost", (double) c.lost());
    m.put("records.duplicated", (double) c.duplicated());
    m.put(
        "aborted.read_uncommitted",
        (double) j.observer().anomalies(DeliveryAnomaly.Kind.ABORTED_READ).size());
    for (String k : KafkaTxnKnobs.ANOMALY_CLASSES) {
      m.put("anomaly." + k, j.classes().contains(k) ? 1.0 : 0.0);
    }
    m.put("anomaly.other", j.classes().stream().anyMatch(s -> s.startsWith("other:")) ? 1.0 : 0.0);
  }
}
