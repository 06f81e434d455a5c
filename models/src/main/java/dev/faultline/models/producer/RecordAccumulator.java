package dev.faultline.models.producer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The batches waiting to be sent, one queue per partition. Records join the newest batch until it
 * is full or has lingered long enough.
 *
 * <p>A batch that must be retried goes back to the front, as Kafka's accumulator puts it: a plain
 * producer pushes it before everything (so several retried batches go out in reverse order, one of
 * the ways a non-idempotent producer reorders); an idempotent producer puts it back in sequence
 * order, so retries reach the broker in the order the sequence numbers demand.
 */
final class RecordAccumulator {
  private final List<ArrayDeque<PendingBatch>> queues = new ArrayList<>();
  private final int batchSize;
  private final long lingerMicros;

  RecordAccumulator(int partitions, int batchSize, long lingerMicros) {
    for (int p = 0; p < partitions; p++) {
      queues.add(new ArrayDeque<>());
    }
    this.batchSize = batchSize;
    this.lingerMicros = lingerMicros;
  }

  /** Adds a record; returns whether it started a new batch. */
  boolean add(int partition, long value, long nowMicros) {
    ArrayDeque<PendingBatch> q = queues.get(partition);
    PendingBatch last = q.peekLast();
    boolean fresh =
        last == null || last.sealed || last.attempts > 0 || last.values.size() >= batchSize;
    if (fresh) {
      last = new PendingBatch(partition, nowMicros);
      q.addLast(last);
    }
    last.values.add(value);
    return fresh;
  }

  /** The batch to send next for {@code partition}, or null when none is ready now. */
  PendingBatch ready(int partition, long nowMicros) {
    PendingBatch head = queues.get(partition).peekFirst();
    if (head == null || head.retryAtMicros > nowMicros) {
      return null;
    }
    boolean full = head.values.size() >= batchSize;
    boolean lingered = nowMicros - head.createdMicros >= lingerMicros;
    return head.sealed || full || lingered || head.attempts > 0 ? head : null;
  }

  PendingBatch poll(int partition) {
    PendingBatch b = queues.get(partition).pollFirst();
    b.sealed = true;
    return b;
  }

  void reenqueue(PendingBatch b, boolean inSequenceOrder) {
    ArrayDeque<PendingBatch> q = queues.get(b.partition);
    if (!inSequenceOrder) {
      q.addFirst(b);
      return;
    }
    List<PendingBatch> rest = new ArrayList<>();
    while (!q.isEmpty()
        && q.peekFirst().hasSequence()
        && q.peekFirst().baseSequence < b.baseSequence) {
      rest.add(q.pollFirst());
    }
    q.addFirst(b);
    for (int i = rest.size() - 1; i >= 0; i--) {
      q.addFirst(rest.get(i));
    }
  }

  /** Removes and returns the queued batches of every partition that {@code test} selects. */
  List<PendingBatch> removeIf(java.util.function.Predicate<PendingBatch> test) {
    List<PendingBatch> out = new ArrayList<>();
    for (ArrayDeque<PendingBatch> q : queues) {
      Iterator<PendingBatch> it = q.iterator();
      while (it.hasNext()) {
        PendingBatch b = it.next();
        if (test.test(b)) {
          it.remove();
          out.add(b);
        }
      }
    }
    return out;
  }

  /** Whether a batch of {@code partition} with a sequence below {@code sequence} is queued. */
  boolean hasEarlier(int partition, int sequence) {
    for (PendingBatch b : queues.get(partition)) {
      if (b.hasSequence() && b.baseSequence < sequence) {
        return true;
      }
    }
    return false;
  }

  /** Every queued batch, partition by partition (read-only use). */
  List<PendingBatch> all() {
    List<PendingBatch> out = new ArrayList<>();
    queues.forEach(out::addAll);
    return out;
  }
}
