package dev.faultline.models.producer;

import dev.faultline.models.replog.PartitionState;
import dev.faultline.models.replog.ProducerBatch;
import dev.faultline.models.replog.ReplogMessage;
import dev.faultline.sim.NodeContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records of the open transaction on their way to the partition leaders: a queue per partition,
 * at most one produce request in flight per partition (so a retry never overtakes a later batch),
 * sequence numbers per partition within the producer's epoch, retries of what failed or timed out
 * with the same numbers, and the offsets the leaders acknowledged.
 *
 * <p>What it cannot resolve it reports: a batch given up (delivery timeout, an error that is not
 * retriable) makes the transaction abortable; a fenced epoch makes the producer fenced. A batch
 * given up after it was sent leaves its sequence numbers unresolved: the producer must bump its
 * epoch before its next transaction (KIP-360).
 */
final class TxnBatches {
  /** Timer tag of a produce request. */
  record RequestTimeout(long requestId) {
    @Override
    public String toString() {
      return "request-timeout";
    }
  }

  private static final class Batch {
    final int partition;
    final List<Long> values;
    final long createdMicros;
    int baseSequence = -1;
    long retryAtMicros;
    long timeoutTimer = -1;

    Batch(int partition, List<Long> values, long createdMicros) {
      this.partition = partition;
      this.values = values;
      this.createdMicros = createdMicros;
    }
  }

  /** What the producer must do about a response. */
  enum Trouble {
    NONE,
    ABORTABLE,
    FENCED
  }

  private final TxnProducerConfig config;
  private final NodeContext ctx;
  private final List<ArrayDeque<Long>> queued = new ArrayList<>();
  private final List<ArrayDeque<Long>> queuedAt = new ArrayList<>();
  private final Map<Integer, Batch> retrying = new TreeMap<>();
  private final Map<Long, Batch> inFlight = new TreeMap<>();
  private final Map<Long, Long> offsets = new TreeMap<>(); // value -> acknowledged offset
  private final int[] nextSequence;
  private long nextRequestId;
  private boolean unresolved;

  TxnBatches(TxnProducerConfig config, NodeContext ctx) {
    this.config = config;
    this.ctx = ctx;
    this.nextSequence = new int[config.partitions()];
    for (int p = 0; p < config.partitions(); p++) {
      queued.add(new ArrayDeque<>());
      queuedAt.add(new ArrayDeque<>());
    }
    this.nextRequestId = (ctx.nowMicros() << 10) + 1;
  }

  void add(int partition, long value, long nowMicros) {
    queued.get(partition).add(value);
    queuedAt.get(partition).add(nowMicros);
  }

  /** Sends what may go: partitions in the transaction, one request in flight per partition. */
  void drain(
      List<Integer> added, PartitionState[] metadata, long producerId, int epoch, long nowMicros) {
    for (int p : added) {
      PartitionState st = metadata[p];
      if (st == null || st.leader() < 0 || hasInFlight(p)) {
        continue;
      }
      Batch b = retrying.get(p);
      if (b != null && b.retryAtMicros > nowMicros) {
        continue;
      }
      if (b == null) {
        b = takeQueued(p);
        if (b == null) {
          continue;
        }
        b.baseSequence = nextSequence[p];
        nextSequence[p] += b.values.size();
      } else {
        retrying.remove(p);
      }
      long id = nextRequestId++;
      inFlight.put(id, b);
      ProducerBatch batch =
          new ProducerBatch(producerId, epoch, b.baseSequence, b.values, config.transactionalId());
      ctx.send(st.leader(), new ReplogMessage.Produce(p, id, -1, batch));
      b.timeoutTimer = ctx.setTimer(config.requestTimeoutMicros(), new RequestTimeout(id));
    }
  }

  private Batch takeQueued(int p) {
    ArrayDeque<Long> q = queued.get(p);
    if (q.isEmpty()) {
      return null;
    }
    long created = queuedAt.get(p).peekFirst();
    List<Long> values = new ArrayList<>();
    while (!q.isEmpty() && values.size() < config.batchRecords()) {
      values.add(q.pollFirst());
      queuedAt.get(p).pollFirst();
    }
    return new Batch(p, values, created);
  }

  private boolean hasInFlight(int p) {
    for (Batch b : inFlight.values()) {
      if (b.partition == p) {
        return true;
      }
    }
    return false;
  }

  /** A produce response; says whether the transaction can go on. */
  Trouble onResponse(ReplogMessage.ProduceResponse r, long nowMicros) {
    Batch b = inFlight.remove(r.requestId());
    if (b == null) {
      return Trouble.NONE; // answered already, or a late copy
    }
    ctx.cancelTimer(b.timeoutTimer);
    switch (r.error()) {
      case NONE -> {
        for (int i = 0; i < b.values.size(); i++) {
          offsets.put(b.values.get(i), r.baseOffset() + i);
        }
        return Trouble.NONE;
      }
      case INVALID_PRODUCER_EPOCH, PRODUCER_FENCED -> {
        return Trouble.FENCED;
      }
      case NOT_LEADER_OR_FOLLOWER,
          FENCED_LEADER_EPOCH,
          UNKNOWN_LEADER_EPOCH,
          NOT_ENOUGH_REPLICAS,
          NOT_ENOUGH_REPLICAS_AFTER_APPEND,
          NOT_COORDINATOR,
          COORDINATOR_NOT_AVAILABLE,
          CONCURRENT_TRANSACTIONS -> {
        return retry(b, nowMicros);
      }
      default -> {
        unresolved = true; // out of order, or the partition is not in the transaction
        return Trouble.ABORTABLE;
      }
    }
  }

  /** A produce request went unanswered: send it again, same numbers, unless it is too old. */
  Trouble onTimeout(long requestId, long nowMicros) {
    Batch b = inFlight.remove(requestId);
    return b == null ? Trouble.NONE : retry(b, nowMicros);
  }

  private Trouble retry(Batch b, long nowMicros) {
    if (nowMicros - b.createdMicros >= config.deliveryTimeoutMicros()) {
      unresolved = true;
      return Trouble.ABORTABLE;
    }
    b.retryAtMicros = nowMicros + config.retryBackoffMicros();
    retrying.put(b.partition, b);
    return Trouble.NONE;
  }

  /** Whether some record has waited past the delivery timeout: the transaction must abort. */
  boolean expired(long nowMicros) {
    for (Batch b : inFlight.values()) {
      if (nowMicros - b.createdMicros >= config.deliveryTimeoutMicros()) {
        unresolved = true;
        return true;
      }
    }
    for (Batch b : retrying.values()) {
      if (nowMicros - b.createdMicros >= config.deliveryTimeoutMicros()) {
        unresolved = true;
        return true;
      }
    }
    for (ArrayDeque<Long> at : queuedAt) {
      if (!at.isEmpty() && nowMicros - at.peekFirst() >= config.deliveryTimeoutMicros()) {
        return true;
      }
    }
    return false;
  }

  /** Whether every record of the transaction is acknowledged. */
  boolean allAcknowledged() {
    return inFlight.isEmpty() && retrying.isEmpty() && queued.stream().allMatch(q -> q.isEmpty());
  }

  /** Aborting: nothing more is sent; what is in flight may still answer. */
  void dropUnsent() {
    if (!retrying.isEmpty()) {
      unresolved = true;
    }
    retrying.clear();
    queued.forEach(ArrayDeque::clear);
    queuedAt.forEach(ArrayDeque::clear);
  }

  /** Aborting, a request went unanswered: it is not retried, and its numbers stay unresolved. */
  void forget(long requestId) {
    if (inFlight.remove(requestId) != null) {
      unresolved = true;
    }
  }

  boolean idle() {
    return inFlight.isEmpty();
  }

  /** The offset a value was acknowledged at, or null. */
  Long offset(long value) {
    return offsets.get(value);
  }

  /** A transaction ended: forget its offsets. */
  void clearOffsets() {
    offsets.clear();
  }

  /** Whether a batch was given up after being sent, since the last epoch change. */
  boolean unresolved() {
    return unresolved;
  }

  /** A new epoch: every partition's numbering starts again at 0. */
  void newEpoch() {
    java.util.Arrays.fill(nextSequence, 0);
    unresolved = false;
  }

  /** Every in-flight request forgotten (the producer was fenced or stopped). */
  void clear() {
    inFlight.clear();
    dropUnsent();
  }
}
