package dev.faultline.models.replog;

import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A replica leading its partition for one leader epoch: it appends produce requests, serves
 * follower fetches (telling a diverging follower where to truncate), tracks which followers are in
 * sync, asks the controller to shrink or expand the ISR, advances the high watermark and answers
 * acks=all requests once it covers them.
 *
 * <p>The leader never changes the ISR on its own: it proposes a change and applies it only when the
 * controller's new state comes back. An isolated leader therefore cannot shrink the ISR to itself
 * and go on committing alone. Until the controller answers, the high watermark counts the larger of
 * the two ISRs (the KIP-497 "maximal ISR"), so a replica being added is never elected without
 * records committed meanwhile.
 */
final class LeaderRole {
  private static final long ISR_RETRY_MICROS = 100_000;

  /** A follower as the leader sees it. */
  private static final class Progress {
    long endOffset = -1; // unknown until it fetches in this epoch
    long lastCaughtUpMicros;
    long lastFetchMicros;
    long leaderEndAtLastFetch;
  }

  /** An append waiting for the high watermark to pass {@code requiredOffset}. */
  private record Waiting(long requiredOffset, Consumer<ErrorCode> done) {}

  private final PartitionReplica replica;
  private final NodeContext ctx;
  private final int epoch;
  private final long epochStartOffset;
  private PartitionState state;
  private final Map<Integer, Progress> followers = new TreeMap<>();
  private final List<Waiting> waiting = new ArrayList<>();
  private List<Integer> proposedIsr;
  private long proposedAtMicros;
  private boolean resigned;

  LeaderRole(PartitionReplica replica, PartitionState state) {
    this.replica = replica;
    this.ctx = replica.ctx;
    this.state = state;
    this.epoch = state.leaderEpoch();
    this.epochStartOffset = replica.log.endOffset();
    long now = ctx.nowMicros();
    for (int r : replica.config.replicas(replica.partition)) {
      if (r != ctx.self()) {
        Progress p = new Progress();
        p.lastCaughtUpMicros = now;
        followers.put(r, p);
      }
    }
  }

  /**
   * A produce request. With transaction version 2, a producer's first transactional batch here is
   * held until the coordinator confirms that the partition is in the producer's transaction
   * (KIP-890's server-side verification); a marker that arrives meanwhile spoils the answer.
   */
  void onProduce(int from, ReplogMessage.Produce p) {
    ProducerBatch batch = p.batch();
    if (batch.transactional()
        && replica.config.txn().serverSideDefense()
        && !replica.txns.hasOpen(batch.producerId())) {
      long guard = replica.newVerificationGuard(batch.producerId());
      replica.verifier.verify(batch, replica.partition, error -> onVerified(from, p, guard, error));
      return;
    }
    append(from, p);
  }

  private void onVerified(int from, ReplogMessage.Produce p, long guard, ErrorCode error) {
    if (resigned) {
      respond(from, p, ErrorCode.NOT_LEADER_OR_FOLLOWER, -1);
      return;
    }
    if (error == ErrorCode.NONE && !replica.verificationGuardHolds(p.batch().producerId(), guard)) {
      error = ErrorCode.INVALID_TXN_STATE; // the transaction ended while we asked
    }
    if (error != ErrorCode.NONE) {
      respond(from, p, error, -1);
      return;
    }
    append(from, p);
  }

  private void append(int from, ReplogMessage.Produce p) {
    boolean all = p.acks() == -1;
    if (all && state.isr().size() < replica.config.minInsyncReplicas()) {
      respond(from, p, ErrorCode.NOT_ENOUGH_REPLICAS, -1);
      return;
    }
    ProducerBatch batch = p.batch();
    long base;
    if (batch.idempotent()) {
      ProducerStateTable.Check c = replica.producers.check(batch);
      switch (c.verdict()) {
        case DUPLICATE -> base = c.duplicateOfOffset();
        case OUT_OF_ORDER_SEQUENCE -> {
          respond(from, p, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, -1);
          return;
        }
        case INVALID_EPOCH -> {
          respond(from, p, ErrorCode.INVALID_PRODUCER_EPOCH, -1);
          return;
        }
        default -> base = appendBatch(batch);
      }
    } else {
      base = appendBatch(batch);
    }
    if (p.acks() == 1) {
      respond(from, p, ErrorCode.NONE, base);
    } else if (all) {
      long requestId = p.requestId();
      waiting.add(
          new Waiting(
              base + batch.values().size(),
              e ->
                  ctx.send(
                      from,
                      new ReplogMessage.ProduceResponse(
                          replica.partition, requestId, e, e == ErrorCode.NONE ? base : -1))));
      maybeAdvanceHighWatermark();
    }
  }

  /**
   * A coordinator's commit or abort marker: written as a control record unless it comes from a
   * fenced epoch or an older coordinator, and answered once committed (Kafka writes markers with
   * acks=all).
   */
  void onMarker(int from, ReplogMessage.WriteTxnMarker m) {
    ErrorCode error =
        replica.producers.checkMarker(m.producerId(), m.producerEpoch(), m.coordinatorEpoch());
    if (error == ErrorCode.NONE && state.isr().size() < replica.config.minInsyncReplicas()) {
      error = ErrorCode.NOT_ENOUGH_REPLICAS;
    }
    if (error != ErrorCode.NONE) {
      ctx.send(from, new ReplogMessage.WriteTxnMarkerResponse(m.partition(), m.requestId(), error));
      return;
    }
    replica.clearVerificationGuard(m.producerId());
    long offset = replica.log.endOffset();
    LogEntry.Kind kind = m.commit() ? LogEntry.Kind.COMMIT : LogEntry.Kind.ABORT;
    replica.append(
        List.of(
            new LogEntry(
                offset,
                epoch,
                m.coordinatorEpoch(),
                m.producerId(),
                m.producerEpoch(),
                -1,
                -1,
                offset,
                kind,
                null)));
    long requestId = m.requestId();
    waiting.add(
        new Waiting(
            offset + 1,
            e ->
                ctx.send(
                    from, new ReplogMessage.WriteTxnMarkerResponse(m.partition(), requestId, e))));
    maybeAdvanceHighWatermark();
  }

  /**
   * Appends a transaction or group coordinator's state record to this (internal) partition; {@code
   * done} hears NONE once it is committed, or why not.
   */
  void appendState(StateRecord record, Consumer<ErrorCode> done) {
    if (state.isr().size() < replica.config.minInsyncReplicas()) {
      done.accept(ErrorCode.NOT_ENOUGH_REPLICAS);
      return;
    }
    long offset = replica.log.endOffset();
    replica.append(
        List.of(new LogEntry(offset, epoch, 0, -1, 0, -1, -1, offset, record.kind(), record)));
    waiting.add(new Waiting(offset + 1, done));
    maybeAdvanceHighWatermark();
  }

  private long appendBatch(ProducerBatch batch) {
    long base = replica.log.endOffset();
    long last = base + batch.values().size() - 1;
    List<LogEntry> entries = new ArrayList<>(batch.values().size());
    for (int i = 0; i < batch.values().size(); i++) {
      entries.add(
          new LogEntry(
              base + i,
              epoch,
              batch.values().get(i),
              batch.producerId(),
              batch.producerEpoch(),
              batch.baseSequence(),
              batch.idempotent() ? batch.lastSequence() : -1,
              last,
              batch.transactional() ? LogEntry.Kind.TXN_DATA : LogEntry.Kind.DATA,
              null));
    }
    replica.append(entries);
    maybeAdvanceHighWatermark(); // an ISR of the leader alone commits at once
    return base;
  }

  private void respond(int to, ReplogMessage.Produce p, ErrorCode error, long base) {
    if (p.acks() != 0) {
      ctx.send(
          to, new ReplogMessage.ProduceResponse(replica.partition, p.requestId(), error, base));
    }
  }

  void onFetch(int from, ReplogMessage.Fetch f) {
    Progress p = followers.get(from);
    ReplicaLog log = replica.log;
    if (p == null || f.currentLeaderEpoch() != epoch) {
      ErrorCode e =
          f.currentLeaderEpoch() < epoch
              ? ErrorCode.FENCED_LEADER_EPOCH
              : ErrorCode.UNKNOWN_LEADER_EPOCH;
      reply(from, f, e, List.of(), -2, -1);
      return;
    }
    if (replica.config.truncateToHighWatermark()) {
      if (f.fetchOffset() > log.endOffset()) {
        reply(from, f, ErrorCode.OFFSET_OUT_OF_RANGE, List.of(), -2, log.endOffset());
        return;
      }
    } else if (f.fetchOffset() > 0) {
      ReplicaLog.EpochEnd end = log.endOffsetForEpoch(f.lastFetchedEpoch());
      if (end.epoch() != f.lastFetchedEpoch() || end.endOffset() < f.fetchOffset()) {
        reply(from, f, ErrorCode.NONE, List.of(), end.epoch(), end.endOffset());
        return;
      }
    }
    long now = ctx.nowMicros();
    long leaderEnd = log.endOffset();
    if (f.fetchOffset() >= leaderEnd) {
      p.lastCaughtUpMicros = now;
    } else if (f.fetchOffset() >= p.leaderEndAtLastFetch && p.endOffset >= 0) {
      p.lastCaughtUpMicros = Math.max(p.lastCaughtUpMicros, p.lastFetchMicros);
    }
    p.lastFetchMicros = now;
    p.leaderEndAtLastFetch = leaderEnd;
    p.endOffset = f.fetchOffset();
    maybeExpandIsr(from, p);
    maybeAdvanceHighWatermark();
    List<LogEntry> records =
        log.read(f.fetchOffset(), replica.config.fetchMaxRecords(), log.endOffset());
    reply(from, f, ErrorCode.NONE, records, -2, -1);
  }

  private void reply(
      int to, ReplogMessage.Fetch f, ErrorCode e, List<LogEntry> records, int divEpoch, long div) {
    ctx.send(
        to,
        new ReplogMessage.FetchResponse(
            replica.partition,
            f.fetchId(),
            epoch,
            e,
            records,
            replica.highWatermark(),
            divEpoch,
            div));
  }

  /** A follower rejoins once caught up past the high watermark and this epoch's first offset. */
  private void maybeExpandIsr(int follower, Progress p) {
    if (state.isr().contains(follower) || proposedIsr != null) {
      return;
    }
    if (p.endOffset >= replica.highWatermark() && p.endOffset >= epochStartOffset) {
      List<Integer> isr = new ArrayList<>();
      for (int r : replica.config.replicas(replica.partition)) {
        if (state.isr().contains(r) || r == follower) {
          isr.add(r);
        }
      }
      propose(isr);
    }
  }

  /** Runs periodically: proposes dropping followers that have not caught up for too long. */
  void checkIsr() {
    long now = ctx.nowMicros();
    if (proposedIsr != null) {
      if (now - proposedAtMicros >= ISR_RETRY_MICROS) {
        propose(proposedIsr); // the proposal or its answer was lost: ask again
      }
      return;
    }
    List<Integer> keep = new ArrayList<>();
    for (int r : state.isr()) {
      Progress p = followers.get(r);
      if (p == null || now - p.lastCaughtUpMicros <= replica.config.replicaLagTimeMicros()) {
        keep.add(r);
      }
    }
    if (keep.size() < state.isr().size()) {
      propose(keep);
    }
  }

  private void propose(List<Integer> isr) {
    proposedIsr = List.copyOf(isr);
    proposedAtMicros = ctx.nowMicros();
    replica.sendAlterIsr(
        new ReplogMessage.AlterIsr(replica.partition, epoch, state.partitionEpoch(), proposedIsr));
  }

  /** The controller's newer state for this epoch: the ISR changed (or a proposal was refused). */
  void onIsrChanged(PartitionState s) {
    boolean shrank = s.isr().size() < state.isr().size();
    state = s;
    proposedIsr = null;
    if (shrank && s.isr().size() < replica.config.minInsyncReplicas()) {
      failWaiting(ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND);
    }
    maybeAdvanceHighWatermark();
  }

  private void maybeAdvanceHighWatermark() {
    if (replica.config.highWatermarkNeedsMinIsr()
        && state.isr().size() < replica.config.minInsyncReplicas()) {
      return; // KIP-966: nothing commits while the ISR is too small
    }
    long hw = replica.log.endOffset();
    for (int r : maximalIsr()) {
      if (r != ctx.self()) {
        Progress p = followers.get(r);
        hw = Math.min(hw, p == null ? -1 : p.endOffset);
      }
    }
    replica.advanceHighWatermark(hw);
    long committed = replica.highWatermark();
    boolean enough = state.isr().size() >= replica.config.minInsyncReplicas();
    List<Waiting> ready = new ArrayList<>();
    Iterator<Waiting> it = waiting.iterator();
    while (it.hasNext()) {
      Waiting w = it.next();
      if (w.requiredOffset() <= committed) {
        it.remove();
        ready.add(w);
      }
    }
    // Answered after the loop: a coordinator's callback may append again.
    for (Waiting w : ready) {
      w.done().accept(enough ? ErrorCode.NONE : ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND);
    }
  }

  private List<Integer> maximalIsr() {
    if (proposedIsr == null) {
      return state.isr();
    }
    List<Integer> union = new ArrayList<>(state.isr());
    for (int r : proposedIsr) {
      if (!union.contains(r)) {
        union.add(r);
      }
    }
    return union;
  }

  private void failWaiting(ErrorCode error) {
    List<Waiting> failed = new ArrayList<>(waiting);
    waiting.clear();
    for (Waiting w : failed) {
      w.done().accept(error);
    }
  }

  /** Leadership moved on: waiting requests learn that this broker no longer leads. */
  void resign() {
    resigned = true;
    failWaiting(ErrorCode.NOT_LEADER_OR_FOLLOWER);
  }

  /** The first offset of this leader's epoch. */
  long epochStartOffset() {
    return epochStartOffset;
  }
}
