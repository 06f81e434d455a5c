package dev.faultline.models.replog;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one replica knows of each idempotent producer writing to its partition: the producer's
 * latest epoch and its last five batches (sequence range and offsets). A leader consults it before
 * an append; every replica updates it as records reach its log, and rebuilds it from the log after
 * a truncation, so a new leader answers a retried batch with the offsets its predecessor gave it.
 */
public final class ProducerStateTable {
  /** How many batches per producer are remembered, as Kafka's brokers do. */
  public static final int CACHED_BATCHES = 5;

  /** What to do with a batch. */
  public enum Verdict {
    APPEND,
    DUPLICATE,
    OUT_OF_ORDER_SEQUENCE,
    INVALID_EPOCH
  }

  /** The verdict and, for a duplicate, the base offset the original got. */
  public record Check(Verdict verdict, long duplicateOfOffset) {}

  private record BatchMeta(int baseSequence, int lastSequence, long baseOffset) {}

  private static final class Entry {
    int epoch;
    int coordinatorEpoch = -1;
    final ArrayDeque<BatchMeta> batches = new ArrayDeque<>();
  }

  private final Map<Long, Entry> producers = new TreeMap<>();

  /** Decides whether an idempotent batch is appended, answered as a duplicate, or rejected. */
  public Check check(ProducerBatch batch) {
    Entry e = producers.get(batch.producerId());
    if (e == null || batch.producerEpoch() > e.epoch) {
      return batch.baseSequence() == 0
          ? new Check(Verdict.APPEND, -1)
          : new Check(Verdict.OUT_OF_ORDER_SEQUENCE, -1);
    }
    if (batch.producerEpoch() < e.epoch) {
      return new Check(Verdict.INVALID_EPOCH, -1);
    }
    for (BatchMeta m : e.batches) {
      if (m.baseSequence() == batch.baseSequence() && m.lastSequence() == batch.lastSequence()) {
        return new Check(Verdict.DUPLICATE, m.baseOffset());
      }
    }
    int expected = e.batches.isEmpty() ? 0 : e.batches.peekLast().lastSequence() + 1;
    return batch.baseSequence() == expected
        ? new Check(Verdict.APPEND, -1)
        : new Check(Verdict.OUT_OF_ORDER_SEQUENCE, -1);
  }

  /**
   * Whether a transaction marker may be written: not from an epoch older than the producer's (the
   * producer was fenced since), nor from a coordinator older than one already heard from.
   */
  public ErrorCode checkMarker(long producerId, int producerEpoch, int coordinatorEpoch) {
    Entry e = producers.get(producerId);
    if (e == null) {
      return ErrorCode.NONE;
    }
    if (producerEpoch < e.epoch) {
      return ErrorCode.INVALID_PRODUCER_EPOCH;
    }
    return coordinatorEpoch < e.coordinatorEpoch
        ? ErrorCode.TRANSACTION_COORDINATOR_FENCED
        : ErrorCode.NONE;
  }

  /**
   * Records a log entry that ends a batch (entries from plain producers are ignored), or a marker:
   * a marker of a newer epoch (a fence, or KIP-890's bump at every transaction's end) starts the
   * producer's numbering again.
   */
  public void onAppended(LogEntry last) {
    if (last.producerId() < 0 || last.offset() != last.batchLastOffset()) {
      return;
    }
    Entry e = producers.computeIfAbsent(last.producerId(), id -> new Entry());
    if (last.kind().isMarker()) {
      if (last.producerEpoch() > e.epoch) {
        e.epoch = last.producerEpoch();
        e.batches.clear();
      }
      e.coordinatorEpoch = Math.max(e.coordinatorEpoch, (int) last.value());
      return;
    }
    if (last.producerEpoch() > e.epoch) {
      e.epoch = last.producerEpoch();
      e.batches.clear();
    }
    long base = last.offset() - (last.lastSequence() - last.baseSequence());
    e.batches.addLast(new BatchMeta(last.baseSequence(), last.lastSequence(), base));
    while (e.batches.size() > CACHED_BATCHES) {
      e.batches.removeFirst();
    }
  }

  /** Forgets everything and relearns it from {@code log}, after a truncation or at start. */
  public void rebuild(ReplicaLog log) {
    producers.clear();
    for (LogEntry e : log.entries()) {
      onAppended(e);
    }
  }
}
