package dev.faultline.models.producer;

import dev.faultline.models.replog.PartitionState;
import dev.faultline.models.replog.ReplogMessage;
import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The producer inside a pipeline consumer, writing the output topic: idempotent (a producer id from
 * InitProducerId) for the plain commit modes, transactional ({@code initTransactions}, one
 * transaction per processed batch) for {@code commit=transactional}. Batching, sequence numbers and
 * retries are {@link TxnBatches}'s; the consumer drives the transaction's steps.
 */
final class PipelineOutput {
  /** What the consumer must do about an answer. */
  enum Trouble {
    ABORTABLE,
    FENCED
  }

  private record InitTimeout(long requestId) {
    @Override
    public String toString() {
      return "init-timeout";
    }
  }

  private final TxnProducerConfig config;
  private final NodeContext ctx;
  private final TxnBatches batches;
  private final List<Integer> added = new ArrayList<>();
  private List<Integer> toAdd = List.of();
  private long producerId = -1;
  private int epoch;
  private long initRequest = -1;
  private Consumer<Boolean> initDone;
  private PartitionState[] metadata;
  private long bootstrapRequests;
  private final int bootstrapServers;

  PipelineOutput(TxnProducerConfig config, NodeContext ctx, int bootstrapServers) {
    this.config = config;
    this.ctx = ctx;
    this.batches = new TxnBatches(config, ctx);
    this.bootstrapServers = bootstrapServers;
  }

  private boolean transactional() {
    return config.transactionalId() != null;
  }

  boolean needsInit() {
    return producerId < 0 || batches.unresolved();
  }

  /** InitProducerId (or initTransactions, which also fences an older instance of the id). */
  void init(long requestId, PartitionState[] metadata, Consumer<Boolean> done) {
    this.metadata = metadata;
    this.initDone = done;
    initRequest = requestId;
    if (transactional()) {
      PartitionState st = metadata[config.coordinatorPartition()];
      if (st != null && st.leader() >= 0) {
        ctx.send(
            st.leader(),
            new ReplogMessage.InitTxnProducerId(
                requestId, config.transactionalId(), config.transactionTimeoutMicros()));
      }
    } else {
      int to = config.controller() + (int) (bootstrapRequests++ % bootstrapServers);
      ctx.send(to, new ReplogMessage.InitProducerId());
    }
    ctx.setTimer(config.requestTimeoutMicros(), new InitTimeout(requestId));
  }

  /** An answer to InitProducerId; false when {@code m} is not one this producer waits for. */
  boolean onCoordinatorAnswer(ReplogMessage m) {
    if (m instanceof ReplogMessage.ProducerIdAssigned a) {
      if (initRequest >= 0 && !transactional()) {
        initialised(a.producerId(), 0);
      }
      return true;
    }
    if (m instanceof ReplogMessage.InitTxnProducerIdResponse r) {
      if (r.requestId() != initRequest) {
        return true;
      }
      switch (r.error()) {
        case NONE -> initialised(r.producerId(), r.producerEpoch());
        case CONCURRENT_TRANSACTIONS, NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE -> {}
        default -> {
          initRequest = -1;
          initDone.accept(false);
        }
      }
      return true;
    }
    return false;
  }

  private void initialised(long pid, int newEpoch) {
    initRequest = -1;
    producerId = pid;
    epoch = newEpoch;
    batches.newEpoch();
    added.clear();
    if (!transactional()) {
      for (int p = 0; p < config.partitions(); p++) {
        added.add(p); // outside transactions every partition may be written at once
      }
    }
    initDone.accept(true);
  }

  void add(int partition, long value, long nowMicros) {
    batches.add(partition, value, nowMicros);
  }

  void drain(PartitionState[] metadata) {
    if (producerId >= 0) {
      batches.drain(added, metadata, producerId, epoch, ctx.nowMicros());
    }
  }

  Trouble onResponse(ReplogMessage.ProduceResponse r, long nowMicros) {
    return trouble(batches.onResponse(r, nowMicros));
  }

  private static Trouble trouble(TxnBatches.Trouble t) {
    return switch (t) {
      case NONE -> null;
      case ABORTABLE -> Trouble.ABORTABLE;
      case FENCED -> Trouble.FENCED;
    };
  }

  /** Handles a timer of this producer: a trouble, or null (also when the tag is not its own). */
  Trouble onTimer(Object tag, long nowMicros) {
    if (tag instanceof TxnBatches.RequestTimeout t) {
      return trouble(batches.onTimeout(t.requestId(), nowMicros));
    }
    if (tag instanceof InitTimeout t && t.requestId() == initRequest) {
      init(initRequest + 1, metadata, initDone); // ask again, as a new request
    }
    return null;
  }

  boolean flushed() {
    return batches.allAcknowledged();
  }

  void beginTxn(List<Integer> partitions) {
    toAdd = List.copyOf(partitions);
  }

  ReplogMessage.AddPartitionsToTxn addPartitions(long requestId) {
    return new ReplogMessage.AddPartitionsToTxn(
        requestId, config.transactionalId(), producerId, epoch, toAdd, false);
  }

  void partitionsAdded() {
    for (int p : toAdd) {
      if (!added.contains(p)) {
        added.add(p);
      }
    }
  }

  ReplogMessage.EndTxn endTxn(long requestId, boolean commit) {
    return new ReplogMessage.EndTxn(requestId, config.transactionalId(), producerId, epoch, commit);
  }

  /** The transaction ended: KIP-890's new epoch, and nothing added any more. */
  void ended(ReplogMessage.EndTxnResponse r, boolean ok) {
    if (ok && r.producerEpoch() > epoch) {
      epoch = r.producerEpoch();
      batches.newEpoch();
    }
    if (!ok) {
      producerId = -1; // INVALID_TXN_STATE and the like: initTransactions again
    }
    added.clear();
    batches.clearOffsets();
  }

  void dropUnsent() {
    batches.dropUnsent();
  }

  void clear() {
    batches.clear();
  }

  long producerId() {
    return producerId;
  }

  int epoch() {
    return epoch;
  }
}
