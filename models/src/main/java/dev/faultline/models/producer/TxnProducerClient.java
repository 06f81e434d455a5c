package dev.faultline.models.producer;

import dev.faultline.models.replog.ErrorCode;
import dev.faultline.models.replog.PartitionState;
import dev.faultline.models.replog.ReplogMessage;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.history.OpLog;
import java.util.ArrayList;
import java.util.List;

/**
 * A transactional producer and its workload, as one Jepsen process (Kafka's {@code
 * TransactionManager} over an idempotent producer). It finds its coordinator (the leader of its
 * transactional id's state partition), calls {@code initTransactions} (logged {@code init}), then
 * runs transactions: {@code txn} invoke, one keyed {@code send} every interval, AddPartitionsToTxn
 * before the first record to a partition, and EndTxn(commit) once every record is acknowledged, or
 * EndTxn(abort) when a record could not be. A transaction's sends complete when it does: {@code ok
 * [offset value]} when committed, {@code fail} when aborted, {@code info} when the outcome is
 * unknown; its {@code txn} completes with its members {@code [[partition value] ...]}.
 *
 * <p>A request unanswered for the request timeout is sent again as a new request, while the first
 * may still arrive: that is what a delayed EndTxn exploits under transaction version 0. EndTxn's
 * answer may carry a new epoch (version 2); sequence numbers start again with it. After an abort
 * with a batch unresolved the producer bumps its epoch with InitProducerId (KIP-360). Fenced
 * (PRODUCER_FENCED, INVALID_PRODUCER_EPOCH), the instance stops for good, as Kafka's producer does
 * on that fatal error.
 */
public final class TxnProducerClient implements Node {
  private enum Phase {
    WAITING,
    INIT,
    READY,
    IN_TXN,
    ABORTING,
    ENDING,
    FENCED,
    DONE
  }

  private enum Timer {
    START,
    GENERATE,
    EXPIRE,
    METADATA,
    RETRY
  }

  private record CoordinatorTimeout(long requestId) {
    @Override
    public String toString() {
      return "coordinator-timeout";
    }
  }

  private record Member(int partition, long value, Object key) {}

  private static final long EXPIRY_CHECK_MICROS = 25_000;
  private static final long METADATA_REFRESH_MICROS = 100_000;

  private final TxnProducerConfig config;
  private final OpLog history;
  private final long process;
  private NodeContext ctx;
  private PartitionState[] metadata;
  private TxnBatches batches;
  private Phase phase = Phase.WAITING;
  private long producerId = -1;
  private int epoch = -1;
  private long sent;
  private final List<Member> members = new ArrayList<>();
  private final List<Integer> added = new ArrayList<>();
  private final List<Integer> toAdd = new ArrayList<>();
  private List<Integer> adding = List.of();
  private ReplogMessage coordinatorRequest;
  private long coordinatorRequestId = -1;
  private long bootstrapRequests;
  private long nextRequestId;
  private boolean endMayHaveLanded;
  private boolean commitWanted;
  private long commits;
  private long aborts;

  public TxnProducerClient(TxnProducerConfig config, OpLog history, long process) {
    this.config = config;
    this.history = history;
    this.process = process;
  }

  @Override
  public void start(NodeContext c) {
    ctx = c;
    metadata = new PartitionState[config.coordinatorPartition() + 1];
    batches = new TxnBatches(config, c);
    nextRequestId = (c.nowMicros() << 10) + 1;
    c.setRole("producer");
    c.setTimer(Math.max(0, config.startMicros() - c.nowMicros()), Timer.START);
  }

  /** The node to ask for metadata next: the bootstrap servers in turn. */
  private int bootstrap() {
    return config.controller() + (int) (bootstrapRequests++ % config.bootstrapServers());
  }

  @Override
  public void onTimer(NodeContext c, Object tag) {
    long now = c.nowMicros();
    if (phase == Phase.FENCED || phase == Phase.DONE) {
      return;
    }
    if (tag == Timer.START) {
      c.send(bootstrap(), new ReplogMessage.MetadataRequest());
      c.setTimer(config.sendIntervalMicros(), Timer.GENERATE);
      c.setTimer(EXPIRY_CHECK_MICROS, Timer.EXPIRE);
      c.setTimer(METADATA_REFRESH_MICROS, Timer.METADATA);
      initTransactions();
    } else if (tag == Timer.GENERATE) {
      generate(now);
      c.setTimer(config.sendIntervalMicros(), Timer.GENERATE);
    } else if (tag == Timer.EXPIRE) {
      if (phase == Phase.IN_TXN && batches.expired(now)) {
        abort();
      }
      c.setTimer(EXPIRY_CHECK_MICROS, Timer.EXPIRE);
    } else if (tag == Timer.METADATA) {
      c.send(bootstrap(), new ReplogMessage.MetadataRequest());
      c.setTimer(METADATA_REFRESH_MICROS, Timer.METADATA);
    } else if (tag == Timer.RETRY) {
      if (coordinatorRequest != null && coordinatorRequestId < 0) {
        sendToCoordinator();
      }
    } else if (tag instanceof CoordinatorTimeout t && t.requestId() == coordinatorRequestId) {
      // Unanswered: send it again as a new request; the first may still arrive.
      endMayHaveLanded |= coordinatorRequest instanceof ReplogMessage.EndTxn;
      coordinatorRequestId = -1;
      c.send(bootstrap(), new ReplogMessage.MetadataRequest());
      sendToCoordinator();
    } else if (tag instanceof TxnBatches.RequestTimeout t) {
      if (phase == Phase.ABORTING) {
        batches.forget(t.requestId());
      } else {
        handle(batches.onTimeout(t.requestId(), now));
      }
    }
    step(now);
  }

  private void initTransactions() {
    phase = Phase.INIT;
    history.invoke(process, "init", config.transactionalId(), null);
    request(
        new ReplogMessage.InitTxnProducerId(
            0, config.transactionalId(), config.transactionTimeoutMicros()));
  }

  /** One record of the open transaction, or a new transaction, every interval. */
  private void generate(long now) {
    if (phase == Phase.READY && now < config.stopMicros()) {
      phase = Phase.IN_TXN;
      commitWanted = false;
      endMayHaveLanded = false;
      history.invoke(process, "txn", null, null);
    }
    if (phase != Phase.IN_TXN || commitWanted) {
      return;
    }
    long value = process * 1_000_000_000L + (++sent);
    String recordKey = "key-" + ctx.random().nextInt(config.keys());
    int partition = KeyPartitioner.partition(recordKey, config.partitions());
    Object key = List.of((long) partition, recordKey);
    history.invoke(process, "send", key, value);
    members.add(new Member(partition, value, key));
    batches.add(partition, value, now);
    if (!added.contains(partition) && !toAdd.contains(partition)) {
      toAdd.add(partition);
    }
    commitWanted = members.size() >= config.recordsPerTxn();
  }

  /** Moves the transaction along: add partitions, send records, commit when all are in. */
  private void step(long now) {
    if (phase == Phase.IN_TXN) {
      if (!toAdd.isEmpty() && coordinatorRequest == null) {
        adding = List.copyOf(toAdd);
        toAdd.clear();
        request(
            new ReplogMessage.AddPartitionsToTxn(
                0, config.transactionalId(), producerId, epoch, adding, false));
      }
      batches.drain(added, metadata, producerId, epoch, now);
      if (commitWanted && coordinatorRequest == null && batches.allAcknowledged()) {
        end(true);
      }
    } else if (phase == Phase.ABORTING && batches.idle() && coordinatorRequest == null) {
      if (added.isEmpty()) {
        finish(false, false); // nothing reached a partition: the abort is local
        next();
      } else {
        end(false);
      }
    }
  }

  private void abort() {
    phase = Phase.ABORTING;
    batches.dropUnsent();
    toAdd.clear();
  }

  private void end(boolean commit) {
    phase = commit ? Phase.ENDING : Phase.ABORTING;
    request(new ReplogMessage.EndTxn(0, config.transactionalId(), producerId, epoch, commit));
  }

  private void request(ReplogMessage r) {
    coordinatorRequest = r;
    sendToCoordinator();
  }

  private void sendToCoordinator() {
    PartitionState st = metadata[config.coordinatorPartition()];
    long id = nextRequestId++;
    coordinatorRequestId = id;
    ReplogMessage r = withRequestId(coordinatorRequest, id);
    if (st != null && st.leader() >= 0) {
      ctx.send(st.leader(), r);
    }
    ctx.setTimer(config.requestTimeoutMicros(), new CoordinatorTimeout(id));
  }

  private static ReplogMessage withRequestId(ReplogMessage r, long id) {
    if (r instanceof ReplogMessage.InitTxnProducerId i) {
      return new ReplogMessage.InitTxnProducerId(id, i.transactionalId(), i.timeoutMicros());
    } else if (r instanceof ReplogMessage.AddPartitionsToTxn a) {
      return new ReplogMessage.AddPartitionsToTxn(
          id, a.transactionalId(), a.producerId(), a.producerEpoch(), a.partitions(), false);
    }
    ReplogMessage.EndTxn e = (ReplogMessage.EndTxn) r;
    return new ReplogMessage.EndTxn(
        id, e.transactionalId(), e.producerId(), e.producerEpoch(), e.commit());
  }

  @Override
  public void onMessage(NodeContext c, int from, Message message) {
    if (phase == Phase.FENCED || phase == Phase.DONE) {
      return;
    }
    long now = c.nowMicros();
    if (message instanceof ReplogMessage.PartitionStates s) {
      for (PartitionState st : s.states()) {
        if (st.partition() < metadata.length && st.newerThan(metadata[st.partition()])) {
          metadata[st.partition()] = st;
        }
      }
    } else if (message instanceof ReplogMessage.ProduceResponse r) {
      if (phase == Phase.ABORTING) {
        batches.onResponse(r, now); // the transaction aborts whatever the answer
      } else {
        handle(batches.onResponse(r, now));
      }
    } else if (message instanceof ReplogMessage.InitTxnProducerIdResponse r
        && r.requestId() == coordinatorRequestId) {
      onInitResponse(r);
    } else if (message instanceof ReplogMessage.AddPartitionsToTxnResponse r
        && r.requestId() == coordinatorRequestId) {
      onAddResponse(r);
    } else if (message instanceof ReplogMessage.EndTxnResponse r
        && r.requestId() == coordinatorRequestId) {
      onEndResponse(r);
    }
    step(now);
  }

  private void handle(TxnBatches.Trouble t) {
    if (t == TxnBatches.Trouble.FENCED) {
      becomeFenced();
    } else if (t == TxnBatches.Trouble.ABORTABLE && phase == Phase.IN_TXN) {
      abort();
    }
  }

  /** Whether {@code e} means: wait, and ask again. */
  private boolean retryLater(ErrorCode e) {
    if (e == ErrorCode.CONCURRENT_TRANSACTIONS
        || e == ErrorCode.NOT_COORDINATOR
        || e == ErrorCode.COORDINATOR_NOT_AVAILABLE) {
      coordinatorRequestId = -1;
      if (e == ErrorCode.NOT_COORDINATOR) {
        ctx.send(bootstrap(), new ReplogMessage.MetadataRequest());
      }
      ctx.setTimer(config.retryBackoffMicros() + 1, Timer.RETRY);
      return true;
    }
    return false;
  }

  private void onInitResponse(ReplogMessage.InitTxnProducerIdResponse r) {
    if (retryLater(r.error())) {
      return;
    }
    coordinatorRequest = null;
    coordinatorRequestId = -1;
    if (r.error() != ErrorCode.NONE) {
      becomeFenced();
      return;
    }
    producerId = r.producerId();
    epoch = r.producerEpoch();
    batches.newEpoch();
    history.ok(process, "init", config.transactionalId(), List.of(producerId, (long) epoch));
    phase = Phase.READY;
  }

  private void onAddResponse(ReplogMessage.AddPartitionsToTxnResponse r) {
    if (retryLater(r.error())) {
      return;
    }
    coordinatorRequest = null;
    coordinatorRequestId = -1;
    if (r.error() == ErrorCode.NONE) {
      added.addAll(adding);
    } else if (r.error() == ErrorCode.PRODUCER_FENCED
        || r.error() == ErrorCode.INVALID_PRODUCER_EPOCH) {
      becomeFenced();
    } else if (phase == Phase.IN_TXN) {
      abort();
    }
    adding = List.of();
  }

  private void onEndResponse(ReplogMessage.EndTxnResponse r) {
    if (retryLater(r.error())) {
      return;
    }
    boolean commit = ((ReplogMessage.EndTxn) coordinatorRequest).commit();
    coordinatorRequest = null;
    coordinatorRequestId = -1;
    switch (r.error()) {
      case NONE -> {
        if (r.producerEpoch() > epoch) {
          epoch = r.producerEpoch(); // KIP-890: the transaction's end bumped the epoch
          batches.newEpoch();
        }
        finish(commit, false);
        next();
      }
      case PRODUCER_FENCED, INVALID_PRODUCER_EPOCH -> becomeFenced();
      default -> {
        // INVALID_TXN_STATE and the like: Kafka's producer cannot tell what happened.
        finish(commit, true);
        initTransactions();
      }
    }
  }

  /** Logs the transaction's outcome and gets ready for the next one. */
  private void finish(boolean committed, boolean unknown) {
    List<Object> pairs = new ArrayList<>();
    for (Member m : members) {
      pairs.add(List.of((long) m.partition(), m.value()));
      Long offset = batches.offset(m.value());
      if (unknown) {
        history.info(process, "send", m.key(), m.value());
      } else if (committed) {
        history.ok(process, "send", m.key(), List.of(offset, m.value()));
      } else {
        history.fail(process, "send", m.key(), m.value());
      }
    }
    if (unknown) {
      history.info(process, "txn", null, pairs);
    } else if (committed) {
      history.ok(process, "txn", null, pairs);
      commits++;
    } else {
      history.fail(process, "txn", null, pairs);
      aborts++;
    }
    members.clear();
    added.clear();
    toAdd.clear();
    batches.clearOffsets();
  }

  /** After a transaction: the next one, a new epoch first if numbering is unresolved, or done. */
  private void next() {
    phase = Phase.READY;
    if (batches.unresolved()) {
      initTransactions(); // KIP-360: a new epoch before the numbering can go on
    } else if (ctx.nowMicros() >= config.stopMicros()) {
      phase = Phase.DONE;
    }
  }

  /** A newer epoch exists: this instance is a zombie and stops; its open transaction is lost. */
  private void becomeFenced() {
    if (phase == Phase.IN_TXN || phase == Phase.ABORTING || phase == Phase.ENDING) {
      boolean mayHaveCommitted = phase == Phase.ENDING && endMayHaveLanded;
      finish(false, mayHaveCommitted);
    } else if (phase == Phase.INIT) {
      history.fail(process, "init", config.transactionalId(), null);
    }
    phase = Phase.FENCED;
    batches.clear();
    coordinatorRequest = null;
    coordinatorRequestId = -1;
  }

  /** Whether this instance was fenced. */
  public boolean fenced() {
    return phase == Phase.FENCED;
  }

  /** Whether the producer has finished: nothing open, nothing more to send. */
  public boolean idle() {
    return phase == Phase.DONE || phase == Phase.FENCED;
  }

  public long commits() {
    return commits;
  }

  public long aborts() {
    return aborts;
  }
}
