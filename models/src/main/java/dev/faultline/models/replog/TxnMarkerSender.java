package dev.faultline.models.replog;

import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Writes the commit or abort markers of prepared transactions into every partition of each
 * transaction (Kafka's {@code TransactionMarkerChannelManager}): one WriteTxnMarker per partition
 * to its leader, resent every retry interval until acknowledged; when all are, the coordinator
 * completes the transaction. Jobs of an internal partition the broker stops leading are dropped;
 * its next leader prepares them again from its log.
 */
final class TxnMarkerSender {
  /** Fires every retry interval while some job is open. */
  record Tick() {
    @Override
    public String toString() {
      return "marker-tick";
    }
  }

  private static final class Job {
    final int statePartition;
    final int coordinatorEpoch;
    final TxnMetadata prepared;
    final Set<Integer> remaining = new TreeSet<>();
    boolean completionPending;

    Job(int statePartition, int coordinatorEpoch, TxnMetadata prepared) {
      this.statePartition = statePartition;
      this.coordinatorEpoch = coordinatorEpoch;
      this.prepared = prepared;
      remaining.addAll(prepared.partitions());
    }
  }

  private final ReplogConfig config;
  private final NodeContext ctx;
  private final IntFunction<PartitionState> metadata;
  private final Consumer<TxnMetadata> written;
  private final Map<String, Job> jobs = new TreeMap<>();
  private final Map<Long, String> requests = new TreeMap<>(); // request id -> transactional id
  private long nextRequestId;
  private boolean ticking;

  TxnMarkerSender(
      ReplogConfig config,
      NodeContext ctx,
      IntFunction<PartitionState> metadata,
      Consumer<TxnMetadata> written) {
    this.config = config;
    this.ctx = ctx;
    this.metadata = metadata;
    this.written = written;
    this.nextRequestId = (ctx.nowMicros() << 10) + 1; // unique across this broker's restarts
  }

  void start(int statePartition, int coordinatorEpoch, TxnMetadata prepared) {
    Job job = new Job(statePartition, coordinatorEpoch, prepared);
    jobs.put(prepared.transactionalId(), job);
    if (job.remaining.isEmpty()) {
      complete(job);
      return;
    }
    send(job);
    ensureTicking();
  }

  /** The completion could not be written yet: try again at the next tick. */
  void retryCompletion(TxnMetadata prepared) {
    Job job = jobs.get(prepared.transactionalId());
    if (job == null) {
      job = new Job(config.txnStatePartition(prepared.transactionalId()), -1, prepared);
      job.remaining.clear();
      jobs.put(prepared.transactionalId(), job);
    }
    job.completionPending = true;
    ensureTicking();
  }

  void dropPartition(int statePartition) {
    jobs.values().removeIf(j -> j.statePartition == statePartition);
  }

  void onTick() {
    ticking = false;
    for (Job job : List.copyOf(jobs.values())) {
      if (job.completionPending) {
        job.completionPending = false;
        complete(job);
      } else {
        send(job);
      }
    }
    if (!jobs.isEmpty()) {
      ensureTicking();
    }
  }

  void onResponse(ReplogMessage.WriteTxnMarkerResponse r) {
    String id = requests.remove(r.requestId());
    Job job = id == null ? null : jobs.get(id);
    if (job == null) {
      return;
    }
    // A fenced epoch or coordinator: a newer marker has been or will be written there.
    boolean done =
        r.error() == ErrorCode.NONE
            || r.error() == ErrorCode.INVALID_PRODUCER_EPOCH
            || r.error() == ErrorCode.TRANSACTION_COORDINATOR_FENCED;
    if (done && job.remaining.remove(r.partition()) && job.remaining.isEmpty()) {
      complete(job);
    }
  }

  private void complete(Job job) {
    jobs.remove(job.prepared.transactionalId());
    written.accept(job.prepared);
  }

  private void send(Job job) {
    for (int p : job.remaining) {
      PartitionState st = metadata.apply(p);
      if (st == null || st.leader() < 0) {
        continue;
      }
      long id = nextRequestId++;
      requests.put(id, job.prepared.transactionalId());
      ctx.send(
          st.leader(),
          new ReplogMessage.WriteTxnMarker(
              p,
              id,
              job.prepared.producerId(),
              job.prepared.producerEpoch(),
              job.prepared.state() == TxnState.PREPARE_COMMIT,
              job.coordinatorEpoch));
    }
    if (requests.size() > 10_000) {
      requests.clear(); // answers long lost; bounded all the same
    }
  }

  private void ensureTicking() {
    if (!ticking) {
      ticking = true;
      ctx.setTimer(config.txn().markerRetryMicros(), new Tick());
    }
  }

  /** Transactions whose markers are still being written, for tests. */
  List<String> open() {
    return new ArrayList<>(jobs.keySet());
  }
}
