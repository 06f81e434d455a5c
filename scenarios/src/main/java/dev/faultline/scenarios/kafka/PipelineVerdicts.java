package dev.faultline.scenarios.kafka;

import dev.faultline.checker.delivery.DeliveryAnomaly;
import dev.faultline.checker.delivery.DeliveryChecker;
import dev.faultline.checker.delivery.EffectCheck;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import dev.faultline.scenarios.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a {@code kafka-pipeline} history into its verdict: effects per input record ({@link
 * EffectCheck}: {@code lost}, {@code duplicate}), the run's guarantee, and the consumers' reads
 * under Jepsen's rules (poll-skip and nonmonotonic-poll, each consumer's positions forgotten at
 * every assignment: across a rebalance a subscribed consumer may legally skip or go back). A record
 * without effect at or above every offset committed for its partition is {@code undrained}: the
 * pipeline had not caught up when the reader read, which is a liveness failure, not a loss (no
 * commit has passed it).
 */
final class PipelineVerdicts {
  private static final int MAX_DETAIL_LINES = 40;

  record Judgement(
      EffectCheck.Report effects,
      List<EffectCheck.Anomaly> undrained,
      List<DeliveryAnomaly> reads,
      Set<String> classes) {}

  private PipelineVerdicts() {}

  static Judgement judge(
      List<Op> ops,
      Set<Long> consumers,
      Map<Long, String> names,
      long reader,
      int sourcePartitions,
      SortedMap<Long, Integer> sinkEffects) {
    EffectCheck.Report report =
        EffectCheck.check(ops, consumers, names, reader, sourcePartitions, sinkEffects);
    Map<Long, Long> frontier = committedFrontier(ops, consumers);
    List<EffectCheck.Anomaly> undrained = new ArrayList<>();
    Set<String> classes = new TreeSet<>();
    for (EffectCheck.Anomaly a : report.anomalies()) {
      boolean beyond = a.input().offset() >= frontier.getOrDefault(a.input().partition(), 0L);
      if (a.kind() == EffectCheck.Kind.LOST && beyond) {
        undrained.add(a);
      } else {
        classes.add(a.kind().label());
      }
    }
    List<Op> mine = new ArrayList<>();
    for (Op op : ops) {
      if (op.process() == 1 || consumers.contains(op.process())) {
        mine.add(op);
      }
    }
    List<DeliveryAnomaly> reads = new ArrayList<>();
    for (DeliveryAnomaly a : DeliveryChecker.check(mine).anomalies()) {
      if (a.kind() == DeliveryAnomaly.Kind.POLL_SKIP
          || a.kind() == DeliveryAnomaly.Kind.NONMONOTONIC_POLL) {
        reads.add(a);
        classes.add(a.kind().label());
      }
    }
    if (!undrained.isEmpty()) {
      classes.add("undrained");
    }
    return new Judgement(report, undrained, reads, classes);
  }

  /** The highest offset each source partition's consumers committed (ok commits). */
  private static Map<Long, Long> committedFrontier(List<Op> ops, Set<Long> consumers) {
    Map<Long, Long> out = new TreeMap<>();
    for (Op op : ops) {
      if (consumers.contains(op.process())
          && op.type() == OpType.OK
          && op.f().equals("commit")
          && op.value() instanceof List<?> pairs) {
        for (Object o : pairs) {
          List<?> pair = (List<?>) o;
          out.merge(
              ((Number) pair.get(0)).longValue(), ((Number) pair.get(1)).longValue(), Math::max);
        }
      }
    }
    return out;
  }

  static void metrics(Judgement j, SortedMap<String, Double> metrics) {
    EffectCheck.Report r = j.effects();
    metrics.put("records.in", (double) r.inputs());
    metrics.put("records.lost", (double) (r.lost() - j.undrained().size()));
    metrics.put("records.duplicated", (double) r.duplicated());
    metrics.put("records.undrained", (double) j.undrained().size());
    // The anomaly classes as every Kafka scenario names its metrics (the matrix reads these).
    metrics.put("anomaly.lost", (double) (r.lost() - j.undrained().size()));
    metrics.put("anomaly.duplicate", (double) r.duplicated());
    metrics.put("anomaly.undrained", (double) j.undrained().size());
    metrics.put("anomaly.poll-skip", (double) count(j, DeliveryAnomaly.Kind.POLL_SKIP));
    metrics.put(
        "anomaly.nonmonotonic-poll", (double) count(j, DeliveryAnomaly.Kind.NONMONOTONIC_POLL));
  }

  private static long count(Judgement j, DeliveryAnomaly.Kind kind) {
    return j.reads().stream().filter(a -> a.kind() == kind).count();
  }

  /** The guarantee the run showed, judged on the records the pipeline had drained. */
  static String guarantee(Judgement j) {
    EffectCheck.Report r = j.effects();
    boolean lost = r.lost() > j.undrained().size();
    boolean dup = r.duplicated() > 0;
    if (lost) {
      return dup ? "none" : "at-most-once";
    }
    return dup ? "at-least-once" : "exactly-once";
  }

  static Verdict delivery(Judgement j, Set<String> allowed) {
    List<String> details = new ArrayList<>();
    for (EffectCheck.Anomaly a : j.effects().anomalies()) {
      if (!j.undrained().contains(a) && details.size() < MAX_DETAIL_LINES) {
        details.add(a.description());
      }
    }
    for (DeliveryAnomaly a : j.reads()) {
      if (details.size() < MAX_DETAIL_LINES) {
        details.add(a.kind().label() + ": " + a.description());
      }
    }
    if (!j.undrained().isEmpty()) {
      details.add(
          j.undrained().size()
              + " record(s) without effect above every committed offset: the pipeline had not"
              + " drained the source when the reader read (raise drain-ms)");
    }
    Set<String> failing = new TreeSet<>(j.classes());
    failing.removeAll(allowed);
    String summary =
        j.effects().inputs()
            + " input records: "
            + (j.effects().lost() - j.undrained().size())
            + " lost, "
            + j.effects().duplicated()
            + " duplicated; "
            + guarantee(j);
    if (failing.isEmpty()) {
      return Verdict.pass("delivery", summary + (j.classes().isEmpty() ? "" : " (allowed)"));
    }
    return Verdict.fail("delivery", summary + "; " + String.join(", ", failing), details);
  }
}
