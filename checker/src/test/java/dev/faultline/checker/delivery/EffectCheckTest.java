package dev.faultline.checker.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Hand-built pipeline histories: each anomaly of the effect check, and the run's guarantee. */
class EffectCheckTest {
  private static final long C1 = 2;
  private static final long C2 = 3;
  private static final long READER = 9;
  private static final Map<Long, String> NAMES = Map.of(C1, "c1", C2, "c2", READER, "r1");

  /** A history under construction; times are positions. */
  private static final class Pipeline {
    final List<Op> ops = new ArrayList<>();

    Pipeline assign(long consumer, long generation, long... partitions) {
      List<Long> ps = new ArrayList<>();
      for (long p : partitions) {
        ps.add(p);
      }
      ops.add(Op.invoke(consumer, "assign", generation, ps, ops.size()));
      ops.add(Op.ok(consumer, "assign", generation, ps, ops.size()));
      return this;
    }

    Pipeline poll(long consumer, long partition, long... offsetsAndValues) {
      List<Object> pairs = new ArrayList<>();
      for (int i = 0; i < offsetsAndValues.length; i += 2) {
        pairs.add(List.of(offsetsAndValues[i], offsetsAndValues[i + 1]));
      }
      ops.add(Op.invoke(consumer, "poll", partition, null, ops.size()));
      ops.add(Op.ok(consumer, "poll", partition, pairs, ops.size()));
      return this;
    }

    Pipeline process(long consumer, long partition, long offset, long value, long generation) {
      ops.add(Op.invoke(consumer, "process", partition, null, ops.size()));
      ops.add(
          Op.ok(consumer, "process", partition, List.of(offset, value, generation), ops.size()));
      return this;
    }

    /** The reader's final read: an assign, then polls of partitions (source 0, output 1). */
    Pipeline finalRead(long[] source, long[] output) {
      ops.add(Op.invoke(READER, "assign", null, null, ops.size()));
      ops.add(Op.ok(READER, "assign", null, null, ops.size()));
      poll(READER, 0, source);
      return poll(READER, 1, output);
    }

    EffectCheck.Report check(SortedMap<Long, Integer> sink) {
      return EffectCheck.check(ops, Set.of(C1, C2), NAMES, READER, 1, sink);
    }
  }

  private static long[] pairs(long... offsetsAndValues) {
    return offsetsAndValues;
  }

  @Test
  void aRecordProcessedOnceIsExactlyOnce() {
    Pipeline h = new Pipeline();
    h.assign(C1, 1, 0)
        .poll(C1, 0, 0, 100, 1, 101)
        .process(C1, 0, 0, 100, 1)
        .process(C1, 0, 1, 101, 1);
    h.finalRead(pairs(0, 100, 1, 101), pairs(0, 100, 1, 101));
    EffectCheck.Report r = h.check(null);
    assertEquals(0, r.anomalies().size());
    assertEquals(DeliveryGuarantee.EXACTLY_ONCE, r.guarantee());
    assertEquals(2, r.inputs());
  }

  @Test
  void aRecordCommittedButNeverProcessedIsLostAndNamesWhoPolledIt() {
    Pipeline h = new Pipeline();
    h.assign(C1, 3, 0).poll(C1, 0, 0, 100, 1, 101).process(C1, 0, 0, 100, 3);
    h.finalRead(pairs(0, 100, 1, 101), pairs(0, 100));
    EffectCheck.Report r = h.check(null);
    assertEquals(1, r.lost());
    EffectCheck.Anomaly a = r.anomalies().get(0);
    assertEquals(EffectCheck.Kind.LOST, a.kind());
    assertEquals(101, a.input().value());
    assertEquals(1, a.input().offset());
    assertTrue(a.description().contains("c1 in generation 3 (polled only)"), a.description());
    assertEquals(DeliveryGuarantee.AT_MOST_ONCE, r.guarantee());
  }

  @Test
  void aRecordProcessedByTwoGenerationsIsDuplicatedAndNamesBoth() {
    Pipeline h = new Pipeline();
    h.assign(C1, 1, 0).poll(C1, 0, 0, 100).process(C1, 0, 0, 100, 1);
    h.assign(C2, 2, 0).poll(C2, 0, 0, 100).process(C2, 0, 0, 100, 2);
    h.finalRead(pairs(0, 100), pairs(0, 100, 1, 100));
    EffectCheck.Report r = h.check(null);
    assertEquals(1, r.duplicated());
    EffectCheck.Anomaly a = r.anomalies().get(0);
    assertEquals(EffectCheck.Kind.DUPLICATED, a.kind());
    assertEquals(2, a.effects());
    assertTrue(a.description().contains("c1 in generation 1"), a.description());
    assertTrue(a.description().contains("c2 in generation 2"), a.description());
    assertEquals(DeliveryGuarantee.AT_LEAST_ONCE, r.guarantee());
  }

  @Test
  void lossAndDuplicationTogetherGuaranteeNothing() {
    Pipeline h = new Pipeline();
    h.assign(C1, 1, 0).poll(C1, 0, 0, 100, 1, 101).process(C1, 0, 0, 100, 1);
    h.finalRead(pairs(0, 100, 1, 101), pairs(0, 100, 1, 100));
    assertEquals(DeliveryGuarantee.NONE, h.check(null).guarantee());
  }

  @Test
  void anIdempotentSinkCountsOneEffectWhateverTheOutputTopicHolds() {
    Pipeline h = new Pipeline();
    h.assign(C1, 1, 0).poll(C1, 0, 0, 100).process(C1, 0, 0, 100, 1);
    h.assign(C2, 2, 0).poll(C2, 0, 0, 100).process(C2, 0, 0, 100, 2);
    h.finalRead(pairs(0, 100), pairs(0, 100, 1, 100));
    SortedMap<Long, Integer> upserted = new TreeMap<>(Map.of(100L, 1));
    SortedMap<Long, Integer> appended = new TreeMap<>(Map.of(100L, 2));
    assertEquals(DeliveryGuarantee.EXACTLY_ONCE, h.check(upserted).guarantee());
    assertEquals(DeliveryGuarantee.AT_LEAST_ONCE, h.check(appended).guarantee());
  }

  @Test
  void aRecordNobodyPolledIsLostAndSaysSo() {
    Pipeline h = new Pipeline();
    h.finalRead(pairs(0, 100), pairs());
    EffectCheck.Anomaly a = h.check(null).anomalies().get(0);
    assertEquals(EffectCheck.Kind.LOST, a.kind());
    assertTrue(a.description().endsWith("never polled"), a.description());
  }

  @Test
  void jepsensRuleAPollSkipAcrossARebalanceIsNoAnomalyButWithinOneIs() {
    QueueHistory across = new QueueHistory();
    across.send(1, 0L, 10, 0).send(1, 0L, 11, 1).send(1, 0L, 12, 2);
    across.poll(2, 0L, 0, 10).assign(2, 0L).poll(2, 0L, 2, 12).poll(3, 0L, 1, 11);
    assertTrue(
        DeliveryChecker.check(across.ops()).anomalies().stream()
            .noneMatch(a -> a.kind() == DeliveryAnomaly.Kind.POLL_SKIP));
    QueueHistory within = new QueueHistory();
    within.send(1, 0L, 10, 0).send(1, 0L, 11, 1).send(1, 0L, 12, 2);
    within.poll(2, 0L, 0, 10).poll(2, 0L, 2, 12).poll(3, 0L, 1, 11);
    assertTrue(
        DeliveryChecker.check(within.ops()).anomalies().stream()
            .anyMatch(a -> a.kind() == DeliveryAnomaly.Kind.POLL_SKIP));
  }
}
