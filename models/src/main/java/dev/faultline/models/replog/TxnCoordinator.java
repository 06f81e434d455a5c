package dev.faultline.models.replog;

import dev.faultline.sim.NodeContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The transaction coordinator of one broker (Kafka's {@code TransactionCoordinator} and {@code
 * TransactionStateManager}): it owns the transactional ids whose internal state partition this
 * broker leads. Its state is that partition's log: every transition is appended there and takes
 * effect, and is answered, only once committed. A new leader of the partition rebuilds the state
 * from its log and finishes what its predecessor prepared, so coordinator failover is the
 * partition's leader election.
 *
 * <p>Transitions follow Kafka's coordinator, with its two sets of EndTxn rules: transaction version
 * 0 (a commit or abort names the epoch of the transaction, which is the producer's epoch until it
 * is fenced: a late EndTxn lands in whatever transaction is open) and version 2 (KIP-890: every
 * EndTxn bumps the epoch, the markers carry the new one, and only a retry of the previous EndTxn
 * may name the old one).
 */
final class TxnCoordinator {
  /** The state of one internal partition this broker leads. */
  private static final class Loaded {
    final int partition;
    final int coordinatorEpoch;
    final Map<String, TxnMetadata> txns = new TreeMap<>();
    final Set<String> pending = new TreeSet<>(); // a log append in flight
    long producerIds;

    Loaded(int partition, int coordinatorEpoch) {
      this.partition = partition;
      this.coordinatorEpoch = coordinatorEpoch;
    }
  }

  private final ReplogConfig config;
  private final NodeContext ctx;
  private final IntFunction<PartitionReplica> replicas;
  private final TxnMarkerSender markers;
  private final Map<Integer, Loaded> loaded = new TreeMap<>();

  TxnCoordinator(
      ReplogConfig config,
      NodeContext ctx,
      IntFunction<PartitionReplica> replicas,
      IntFunction<PartitionState> metadata) {
    this.config = config;
    this.ctx = ctx;
    this.replicas = replicas;
    this.markers = new TxnMarkerSender(config, ctx, metadata, this::markersWritten);
  }

  TxnMarkerSender markers() {
    return markers;
  }

  /**
   * The replica of an internal partition may have changed role: load its state when it leads in a
   * new epoch, drop it when it no longer leads.
   */
  void onLeadership(PartitionReplica r) {
    Loaded l = loaded.get(r.partition);
    if (r.isLeader() && (l == null || l.coordinatorEpoch != r.leaderEpoch())) {
      load(r);
    } else if (!r.isLeader() && l != null) {
      loaded.remove(r.partition);
      markers.dropPartition(r.partition);
    }
  }

  private void load(PartitionReplica r) {
    markers.dropPartition(r.partition);
    Loaded l = new Loaded(r.partition, r.leaderEpoch());
    for (LogEntry e : r.log().entries()) {
      if (e.stateRecord() instanceof TxnMetadata m && l.txns.put(m.transactionalId(), m) == null) {
        l.producerIds++;
      }
    }
    loaded.put(r.partition, l);
    for (TxnMetadata m : l.txns.values()) {
      if (m.state().preparing()) {
        markers.start(l.partition, l.coordinatorEpoch, m); // finish what the last leader prepared
      }
    }
  }

  private Loaded coordinatorFor(String transactionalId) {
    return loaded.get(config.txnStatePartition(transactionalId));
  }

  /** Appends {@code next}; on commit it becomes the state. {@code after} hears the outcome. */
  private void write(Loaded l, TxnMetadata next, Consumer<ErrorCode> after) {
    String id = next.transactionalId();
    l.pending.add(id);
    replicas
        .apply(l.partition)
        .appendState(
            next,
            error -> {
              if (loaded.get(l.partition) != l) {
                after.accept(ErrorCode.NOT_COORDINATOR);
                return;
              }
              l.pending.remove(id);
              if (error == ErrorCode.NONE) {
                l.txns.put(id, next);
              }
              after.accept(
                  switch (error) {
                    case NONE -> ErrorCode.NONE;
                    case NOT_LEADER_OR_FOLLOWER -> ErrorCode.NOT_COORDINATOR;
                    default -> ErrorCode.COORDINATOR_NOT_AVAILABLE;
                  });
            });
  }

  /** Prepares a commit or abort; once the outcome is in the log, the markers go out. */
  private void prepare(Loaded l, TxnMetadata next, Consumer<ErrorCode> after) {
    write(
        l,
        next,
        error -> {
          if (error == ErrorCode.NONE) {
            markers.start(l.partition, l.coordinatorEpoch, next);
          }
          after.accept(error);
        });
  }

  /** Every marker of {@code prepared} is written: complete the transaction. */
  private void markersWritten(TxnMetadata prepared) {
    Loaded l = coordinatorFor(prepared.transactionalId());
    if (l == null || !prepared.equals(l.txns.get(prepared.transactionalId()))) {
      return;
    }
    if (l.pending.contains(prepared.transactionalId())) {
      markers.retryCompletion(prepared);
      return;
    }
    TxnState done =
        prepared.state() == TxnState.PREPARE_COMMIT
            ? TxnState.COMPLETE_COMMIT
            : TxnState.COMPLETE_ABORT;
    write(
        l,
        prepared.with(done),
        error -> {
          if (error == ErrorCode.COORDINATOR_NOT_AVAILABLE) {
            markers.retryCompletion(prepared);
          }
        });
  }

  void onInit(int from, ReplogMessage.InitTxnProducerId r) {
    Loaded l = coordinatorFor(r.transactionalId());
    TxnMetadata m = l == null ? null : l.txns.get(r.transactionalId());
    Consumer<ErrorCode> fail = e -> initResponse(from, r, e, -1, -1);
    if (l == null) {
      fail.accept(ErrorCode.NOT_COORDINATOR);
    } else if (l.pending.contains(r.transactionalId()) || (m != null && m.state().preparing())) {
      fail.accept(ErrorCode.CONCURRENT_TRANSACTIONS);
    } else if (m == null) {
      long pid = (l.partition + 1L) * 1_000_000L + l.producerIds++;
      TxnMetadata next =
          new TxnMetadata(
              r.transactionalId(), pid, 0, TxnState.EMPTY, List.of(), 0, r.timeoutMicros());
      write(l, next, e -> initResponse(from, r, e, pid, 0));
    } else if (m.state() == TxnState.ONGOING) {
      // Fence the older instance: bump the epoch and abort its transaction; the caller retries.
      TxnMetadata fence = m.withEpoch(m.producerEpoch() + 1).with(TxnState.PREPARE_ABORT);
      prepare(
          l, fence, e -> fail.accept(e == ErrorCode.NONE ? ErrorCode.CONCURRENT_TRANSACTIONS : e));
    } else {
      TxnMetadata next =
          new TxnMetadata(
              r.transactionalId(),
              m.producerId(),
              m.producerEpoch() + 1,
              TxnState.EMPTY,
              List.of(),
              0,
              r.timeoutMicros());
      write(l, next, e -> initResponse(from, r, e, next.producerId(), next.producerEpoch()));
    }
  }

  private void initResponse(
      int to, ReplogMessage.InitTxnProducerId r, ErrorCode e, long pid, int epoch) {
    boolean ok = e == ErrorCode.NONE;
    ctx.send(
        to,
        new ReplogMessage.InitTxnProducerIdResponse(
            r.requestId(), e, ok ? pid : -1, ok ? epoch : -1));
  }

  void onAddPartitions(int from, ReplogMessage.AddPartitionsToTxn r) {
    Consumer<ErrorCode> reply =
        e -> ctx.send(from, new ReplogMessage.AddPartitionsToTxnResponse(r.requestId(), e));
    Loaded l = coordinatorFor(r.transactionalId());
    TxnMetadata m = l == null ? null : l.txns.get(r.transactionalId());
    if (l == null) {
      reply.accept(ErrorCode.NOT_COORDINATOR);
    } else if (m == null || m.producerId() != r.producerId()) {
      reply.accept(ErrorCode.INVALID_PRODUCER_ID_MAPPING);
    } else if (m.producerEpoch() != r.producerEpoch()) {
      reply.accept(ErrorCode.PRODUCER_FENCED);
    } else if (r.verifyOnly()) {
      boolean in = m.state() == TxnState.ONGOING && m.partitions().containsAll(r.partitions());
      reply.accept(in ? ErrorCode.NONE : ErrorCode.INVALID_TXN_STATE);
    } else if (l.pending.contains(r.transactionalId()) || m.state().preparing()) {
      reply.accept(ErrorCode.CONCURRENT_TRANSACTIONS);
    } else if (m.state() == TxnState.ONGOING && m.partitions().containsAll(r.partitions())) {
      reply.accept(ErrorCode.NONE);
    } else {
      write(l, m.ongoingWith(r.partitions(), ctx.nowMicros()), reply);
    }
  }

  void onEndTxn(int from, ReplogMessage.EndTxn r) {
    Loaded l = coordinatorFor(r.transactionalId());
    TxnMetadata m = l == null ? null : l.txns.get(r.transactionalId());
    if (l == null) {
      endResponse(from, r, ErrorCode.NOT_COORDINATOR, null);
    } else if (m == null || m.producerId() != r.producerId()) {
      endResponse(from, r, ErrorCode.INVALID_PRODUCER_ID_MAPPING, null);
    } else if (config.txn().serverSideDefense()) {
      endTxnV2(from, r, l, m);
    } else {
      endTxnV0(from, r, l, m);
    }
  }

  /**
   * Transaction version 0 ({@code endTransactionWithTV1}): the epoch must equal the producer's; a
   * commit or abort of a completed transaction with the same outcome is taken for a retry.
   */
  private void endTxnV0(int from, ReplogMessage.EndTxn r, Loaded l, TxnMetadata m) {
    boolean commit = r.commit();
    ErrorCode error;
    if (r.producerEpoch() != m.producerEpoch()) {
      error = ErrorCode.PRODUCER_FENCED;
    } else if (l.pending.contains(r.transactionalId())) {
      error = ErrorCode.CONCURRENT_TRANSACTIONS;
    } else {
      switch (m.state()) {
        case ONGOING -> {
          TxnState next = commit ? TxnState.PREPARE_COMMIT : TxnState.PREPARE_ABORT;
          TxnMetadata prepared = m.with(next);
          prepare(l, prepared, e -> endResponse(from, r, e, prepared));
          return;
        }
        case COMPLETE_COMMIT -> error = commit ? ErrorCode.NONE : ErrorCode.INVALID_TXN_STATE;
        case COMPLETE_ABORT -> error = commit ? ErrorCode.INVALID_TXN_STATE : ErrorCode.NONE;
        case PREPARE_COMMIT ->
            error = commit ? ErrorCode.CONCURRENT_TRANSACTIONS : ErrorCode.INVALID_TXN_STATE;
        case PREPARE_ABORT ->
            error = commit ? ErrorCode.INVALID_TXN_STATE : ErrorCode.CONCURRENT_TRANSACTIONS;
        default -> error = ErrorCode.INVALID_TXN_STATE;
      }
    }
    endResponse(from, r, error, m);
  }

  /**
   * Transaction version 2 (KIP-890): ending a transaction bumps the epoch; a request naming the
   * epoch before a bump is a retry of that EndTxn, anything else older is fenced.
   */
  private void endTxnV2(int from, ReplogMessage.EndTxn r, Loaded l, TxnMetadata m) {
    boolean commit = r.commit();
    boolean retry = r.producerEpoch() + 1 == m.producerEpoch();
    boolean current = r.producerEpoch() == m.producerEpoch();
    boolean valid =
        switch (m.state()) {
          case ONGOING, EMPTY -> current;
          case PREPARE_COMMIT, PREPARE_ABORT -> retry;
          default -> retry || current;
        };
    ErrorCode error;
    if (!valid) {
      error = ErrorCode.PRODUCER_FENCED;
    } else if (l.pending.contains(r.transactionalId())) {
      error = ErrorCode.CONCURRENT_TRANSACTIONS;
    } else {
      boolean abortNew =
          !commit
              && !retry
              && (m.state() == TxnState.EMPTY
                  || m.state() == TxnState.COMPLETE_COMMIT
                  || m.state() == TxnState.COMPLETE_ABORT);
      if (m.state() == TxnState.ONGOING || abortNew) {
        TxnState next = commit ? TxnState.PREPARE_COMMIT : TxnState.PREPARE_ABORT;
        TxnMetadata base = abortNew ? m.ongoingWith(List.of(), ctx.nowMicros()) : m;
        TxnMetadata prepared = base.withEpoch(m.producerEpoch() + 1).with(next);
        prepare(l, prepared, e -> endResponse(from, r, e, prepared));
        return;
      }
      error =
          switch (m.state()) {
            case COMPLETE_COMMIT -> commit && retry ? ErrorCode.NONE : ErrorCode.INVALID_TXN_STATE;
            case COMPLETE_ABORT -> !commit && retry ? ErrorCode.NONE : ErrorCode.INVALID_TXN_STATE;
            case PREPARE_COMMIT ->
                commit ? ErrorCode.CONCURRENT_TRANSACTIONS : ErrorCode.INVALID_TXN_STATE;
            case PREPARE_ABORT ->
                commit ? ErrorCode.INVALID_TXN_STATE : ErrorCode.CONCURRENT_TRANSACTIONS;
            default -> ErrorCode.INVALID_TXN_STATE;
          };
    }
    endResponse(from, r, error, m);
  }

  private void endResponse(int to, ReplogMessage.EndTxn r, ErrorCode e, TxnMetadata m) {
    boolean ok = e == ErrorCode.NONE && m != null;
    ctx.send(
        to,
        new ReplogMessage.EndTxnResponse(
            r.requestId(), e, ok ? m.producerId() : -1, ok ? m.producerEpoch() : -1));
  }

  /**
   * Aborts every transaction open longer than its timeout, fencing its producer as Kafka does: the
   * epoch is bumped, so the producer's next request is refused.
   */
  void abortTimedOut() {
    long now = ctx.nowMicros();
    for (Loaded l : loaded.values()) {
      for (TxnMetadata m : List.copyOf(l.txns.values())) {
        if (m.state() == TxnState.ONGOING
            && !l.pending.contains(m.transactionalId())
            && now - m.startMicros() > m.timeoutMicros()) {
          prepare(l, m.withEpoch(m.producerEpoch() + 1).with(TxnState.PREPARE_ABORT), e -> {});
        }
      }
    }
  }

  /** The coordinator's state of {@code transactionalId}, or null (tests and metrics). */
  TxnMetadata state(String transactionalId) {
    Loaded l = coordinatorFor(transactionalId);
    return l == null ? null : l.txns.get(transactionalId);
  }
}
