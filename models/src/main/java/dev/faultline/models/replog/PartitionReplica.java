package dev.faultline.models.replog;

import dev.faultline.sim.NodeContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One broker's replica of one partition: its log, high watermark and duplicate table, and its role
 * (leader, follower, or none while the partition is offline or its state unknown).
 *
 * <p>{@link #onState} is the only place the role changes: a newer controller state makes this
 * replica the leader of a new epoch, a follower of another broker, or neither.
 *
 * <pre>
 *   state names self as leader, new epoch  -> LeaderRole (epoch starts at the log end)
 *   state names self, same epoch           -> the leader takes the new ISR
 *   state names another broker             -> FollowerRole (truncates to its high watermark
 *                                             first under the bug flag)
 *   state names no leader                  -> no role
 * </pre>
 */
public final class PartitionReplica {
  final ReplogConfig config;
  final NodeContext ctx;
  final int partition;
  final ReplicaLog log;
  final ProducerStateTable producers = new ProducerStateTable();
  final TransactionIndex txns = new TransactionIndex();
  final TxnVerifier verifier;
  private final Map<Long, Long> verificationGuards = new TreeMap<>();
  private long nextGuard = 1;
  private final String hwKey;
  private long highWatermark;
  private PartitionState state;
  private LeaderRole leader;
  private FollowerRole follower;
  private long truncatedBelowHighWatermark;
  private Consumer<ReplogMessage.AlterIsr> alterIsr;

  PartitionReplica(ReplogConfig config, NodeContext ctx, int partition, TxnVerifier verifier) {
    this.config = config;
    this.ctx = ctx;
    this.partition = partition;
    this.verifier = verifier;
    this.log = new ReplicaLog(ctx.disk(), partition);
    this.hwKey = "hw-p" + partition;
    Long hw = ctx.disk().get(hwKey);
    this.highWatermark = hw == null ? 0 : Math.min(hw, log.endOffset());
    producers.rebuild(log);
    txns.rebuild(log);
  }

  /** Sends this replica's ISR proposals through {@code channel} instead of to the controller. */
  void alterIsrVia(Consumer<ReplogMessage.AlterIsr> channel) {
    this.alterIsr = channel;
  }

  /** A leader's ISR proposal, to the controller of the cluster's mode. */
  void sendAlterIsr(ReplogMessage.AlterIsr request) {
    if (alterIsr == null) {
      ctx.send(config.controller(), request);
    } else {
      alterIsr.accept(request);
    }
  }

  /** Applies a controller state if it is newer than the one this replica holds. */
  void onState(PartitionState s) {
    if (!s.newerThan(state)) {
      return;
    }
    PartitionState old = state;
    state = s;
    int self = ctx.self();
    if (s.leader() == self) {
      if (leader != null && old != null && old.leaderEpoch() == s.leaderEpoch()) {
        leader.onIsrChanged(s);
        return;
      }
      stopRoles();
      leader = new LeaderRole(this, s);
      ctx.setRole("leader");
    } else if (s.leader() >= 0) {
      if (follower != null && old != null && old.leaderEpoch() == s.leaderEpoch()) {
        return;
      }
      stopRoles();
      if (config.truncateToHighWatermark()) {
        truncate(highWatermark); // the pre-KIP-101 rule, kept as a bug flag
      }
      follower = new FollowerRole(this, s.leader(), s.leaderEpoch());
      ctx.setRole("follower");
      follower.fetch();
    } else {
      stopRoles();
      ctx.setRole("offline");
    }
  }

  private void stopRoles() {
    if (leader != null) {
      leader.resign();
    }
    leader = null;
    follower = null;
  }

  /** Raises the high watermark (never lowers it) and persists it, as Kafka's checkpoint does. */
  void advanceHighWatermark(long hw) {
    long capped = Math.min(hw, log.endOffset());
    if (capped > highWatermark) {
      highWatermark = capped;
      ctx.disk().put(hwKey, highWatermark);
      if (log.syncsEveryAppend()) {
        ctx.disk().sync(); // otherwise the checkpoint reaches the disk with the next writeback
      }
    }
  }

  /**
   * Truncates the log to {@code offset}. Below the high watermark this throws away records that
   * were committed: it happens only after an unclean election or under the bug flag, and is
   * counted.
   */
  void truncate(long offset) {
    if (log.truncateTo(offset) == 0) {
      return;
    }
    producers.rebuild(log);
    txns.rebuild(log);
    if (offset < highWatermark) {
      truncatedBelowHighWatermark += highWatermark - offset;
      highWatermark = offset;
      ctx.disk().put(hwKey, highWatermark);
      ctx.disk().sync();
    }
  }

  /** Appends records as a leader or follower, keeping the duplicate table in step. */
  void append(List<LogEntry> records) {
    log.append(records, ctx.nowMicros());
    for (LogEntry e : records) {
      producers.onAppended(e);
      txns.onAppended(e);
    }
  }

  /** A new token for a verification of {@code producerId}'s transaction, forgetting older ones. */
  long newVerificationGuard(long producerId) {
    long guard = nextGuard++;
    verificationGuards.put(producerId, guard);
    return guard;
  }

  /** Whether no marker for {@code producerId} has arrived since {@code guard} was handed out. */
  boolean verificationGuardHolds(long producerId, long guard) {
    Long current = verificationGuards.get(producerId);
    return current != null && current == guard;
  }

  void clearVerificationGuard(long producerId) {
    verificationGuards.remove(producerId);
  }

  void onFetch(int from, ReplogMessage.Fetch f) {
    if (leader != null) {
      leader.onFetch(from, f);
    } else {
      ctx.send(
          from,
          new ReplogMessage.FetchResponse(
              partition,
              f.fetchId(),
              state == null ? -1 : state.leaderEpoch(),
              ErrorCode.NOT_LEADER_OR_FOLLOWER,
              List.of(),
              highWatermark,
              -2,
              -1));
    }
  }

  void onFetchResponse(ReplogMessage.FetchResponse r) {
    if (follower != null) {
      follower.onResponse(r);
    }
  }

  void onFetchTimer(Object tag) {
    if (follower != null) {
      follower.onTimer(tag);
    }
  }

  void onProduce(int from, ReplogMessage.Produce p) {
    if (leader != null) {
      leader.onProduce(from, p);
    } else if (p.acks() != 0) {
      ctx.send(
          from,
          new ReplogMessage.ProduceResponse(
              partition, p.requestId(), ErrorCode.NOT_LEADER_OR_FOLLOWER, -1));
    }
  }

  void onConsumerFetch(int from, ReplogMessage.ConsumerFetch f) {
    ErrorCode error = ErrorCode.NONE;
    List<LogEntry> records = List.of();
    List<AbortedTxn> aborted = List.of();
    long lso = lastStableOffset();
    if (leader == null) {
      error = ErrorCode.NOT_LEADER_OR_FOLLOWER;
    } else if (f.offset() > log.endOffset()) {
      error = ErrorCode.OFFSET_OUT_OF_RANGE;
    } else {
      long limit = f.readCommitted() ? lso : highWatermark;
      records = log.read(f.offset(), f.maxRecords(), limit);
      if (f.readCommitted() && !records.isEmpty()) {
        aborted = txns.abortedBetween(f.offset(), records.get(records.size() - 1).offset() + 1);
      }
    }
    ctx.send(
        from,
        new ReplogMessage.ConsumerFetchResponse(
            partition, f.requestId(), error, records, highWatermark, lso, aborted));
  }

  /**
   * The latest offset a consumer may read: the last stable offset or the high watermark. A leader
   * whose high watermark has not reached its epoch's first offset does not know it yet and says
   * OFFSET_NOT_AVAILABLE, so the answers never go back across a leader change (KIP-207).
   */
  void onListOffsets(int from, ReplogMessage.ListOffsets l) {
    ErrorCode error = ErrorCode.NONE;
    long offset = -1;
    if (leader == null) {
      error = ErrorCode.NOT_LEADER_OR_FOLLOWER;
    } else if (highWatermark < leader.epochStartOffset()) {
      error = ErrorCode.OFFSET_NOT_AVAILABLE;
    } else {
      offset = l.readCommitted() ? lastStableOffset() : highWatermark;
    }
    ctx.send(from, new ReplogMessage.ListOffsetsResponse(partition, l.requestId(), error, offset));
  }

  void onMarker(int from, ReplogMessage.WriteTxnMarker m) {
    if (leader != null) {
      leader.onMarker(from, m);
    } else {
      ctx.send(
          from,
          new ReplogMessage.WriteTxnMarkerResponse(
              partition, m.requestId(), ErrorCode.NOT_LEADER_OR_FOLLOWER));
    }
  }

  /** Appends a coordinator's state record, as the leader; NOT_LEADER_OR_FOLLOWER otherwise. */
  void appendState(StateRecord state, java.util.function.Consumer<ErrorCode> done) {
    if (leader == null) {
      done.accept(ErrorCode.NOT_LEADER_OR_FOLLOWER);
    } else {
      leader.appendState(state, done);
    }
  }

  void onIsrCheck() {
    if (leader != null) {
      leader.checkIsr();
    }
  }

  // ---- read by roles, invariants and tests ----

  public long highWatermark() {
    return highWatermark;
  }

  public ReplicaLog log() {
    return log;
  }

  /** The newest controller state this replica heard of, or null. */
  public PartitionState state() {
    return state;
  }

  /** Whether this replica acts as leader now. */
  public boolean isLeader() {
    return leader != null;
  }

  /** The leader epoch this replica leads in, or -1. */
  public int leaderEpoch() {
    return leader == null ? -1 : state.leaderEpoch();
  }

  /** Below the high watermark and every transaction not yet committed everywhere. */
  public long lastStableOffset() {
    return txns.lastStableOffset(highWatermark);
  }

  /** Committed records this replica threw away (unclean election, or the bug flag). */
  public long truncatedBelowHighWatermark() {
    return truncatedBelowHighWatermark;
  }
}
