package dev.faultline.models.raft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The leader of an epoch. It opens the epoch (with a LeaderChange entry when that is on), serves
 * fetches, advances the high watermark to the majority's replicated offset once that is past the
 * epoch's start, answers clients when their commands apply, serves reads by read index, and resigns
 * when check-quorum fails.
 *
 * <p>A fetch with nothing new is held (a long poll). Under KRaft timers it is answered after the
 * fetch wait, and voters that have not fetched for half a fetch timeout are sent BeginQuorumEpoch
 * again. Under Raft timers the leader keeps Figure 2's heartbeat instead: every heartbeat interval
 * it answers every held fetch (an empty AppendEntries) and sends BeginQuorumEpoch to every voter
 * with no fetch held, all at once.
 */
final class LeaderState implements RoleState {
  /** A read waiting for its read index and for a majority to confirm this leader after it. */
  private static final class PendingRead {
    final int replyTo;
    final Command.Get get;
    long readIndex = -1;
    long barrier;

    PendingRead(int replyTo, Command.Get get) {
      this.replyTo = replyTo;
      this.get = get;
    }
  }

  private final RaftNode node;
  private final int epoch;
  private final int voters;
  private final long[] matchOffset;
  private final long[] lastFetchAt;
  private final long[] echoedBarrier;
  private final RaftMessage.FetchRequest[] parked;
  private final long[] parkedAt;
  private final int self;
  private final Observers observers;
  private final Map<Long, Long> appendedSeq = new TreeMap<>();
  private final List<PendingRead> reads = new ArrayList<>();
  private long epochStartOffset;
  private long barrier;
  private long nextCheckAt;
  private long nextHeartbeatAt = -1;

  LeaderState(RaftNode node, int epoch) {
    this.node = node;
    this.epoch = epoch;
    this.voters = node.config().voters();
    this.matchOffset = new long[voters];
    this.lastFetchAt = new long[voters];
    this.echoedBarrier = new long[voters];
    this.parked = new RaftMessage.FetchRequest[voters];
    this.parkedAt = new long[voters];
    this.self = node.config().voterIndex(node.ctx().self());
    this.observers = new Observers(node, epoch);
  }

  @Override
  public String name() {
    return "leader";
  }

  @Override
  public int leader() {
    return node.ctx().self();
  }

  long epochStartOffset() {
    return epochStartOffset;
  }

  @Override
  public void enter() {
    long now = node.now();
    Arrays.fill(lastFetchAt, now); // a grace period: followers have not heard of us yet
    epochStartOffset = node.log().endOffset();
    announce(now, true);
    if (raftTimers()) {
      nextHeartbeatAt = now + node.config().heartbeatIntervalMicros();
    }
    if (node.config().epochStartRecord()) {
      append(new Command.LeaderChange(node.ctx().self()));
    }
  }

  private boolean raftTimers() {
    return node.config().timers() == Timers.RAFT;
  }

  /** When the next heartbeat goes out (Raft timers), or -1. */
  long nextHeartbeatMicros() {
    return nextHeartbeatAt;
  }

  /** Appends a command of this epoch, durably, and offers it to held fetches at once. */
  private void append(Command c) {
    RaftLog log = node.log();
    log.append(new LogEntry(log.endOffset(), epoch, c));
    log.sync();
    wakeParked();
    observers.wakeAll();
    maybeAdvanceHighWatermark();
  }

  /** Appends an application's record; returns its offset. */
  long appendRecord(Command.AppRecord r) {
    long offset = node.log().endOffset();
    append(r);
    return offset;
  }

  /** Tells voters that have not fetched lately (or all, at the start) who leads this epoch. */
  private void announce(long now, boolean all) {
    RaftMessage m = new RaftMessage.BeginQuorumEpoch(epoch, node.ctx().self());
    for (int v = 0; v < voters; v++) {
      if (v != self && (all || now - lastFetchAt[v] > node.config().fetchTimeoutMicros() / 2)) {
        node.ctx().send(node.config().voterId(v), m);
      }
    }
    nextCheckAt = now + node.config().fetchTimeoutMicros() / 4;
  }

  void onFetch(int from, RaftMessage.FetchRequest r) {
    int v = node.config().voterIndex(from);
    if (v < 0) {
      observers.onFetch(from, r);
      return;
    }
    lastFetchAt[v] = node.now();
    echoedBarrier[v] = Math.max(echoedBarrier[v], r.barrier());
    RaftLog log = node.log();
    RaftLog.EpochEnd end = log.endOffsetForEpoch(r.lastFetchedEpoch());
    if (r.fetchOffset() > 0
        && (end.epoch() != r.lastFetchedEpoch() || end.offset() < r.fetchOffset())) {
      node.ctx()
          .send(
              from,
              new RaftMessage.FetchResponse(
                  epoch,
                  node.ctx().self(),
                  r.fetchId(),
                  RaftMessage.FetchError.NONE,
                  List.of(),
                  node.highWatermark(),
                  end.epoch(),
                  end.offset(),
                  barrier));
      return;
    }
    matchOffset[v] = r.fetchOffset();
    maybeAdvanceHighWatermark();
    serveReads();
    if (r.fetchOffset() < log.endOffset() || r.barrier() < barrier) {
      respond(v, r);
    } else {
      parked[v] = r;
      parkedAt[v] = node.now();
    }
  }

  /** Answers voter {@code v}'s fetch {@code r}. */
  private void respond(int v, RaftMessage.FetchRequest r) {
    if (parked[v] == r) {
      parked[v] = null;
    }
    node.ctx()
        .send(
            node.config().voterId(v),
            new RaftMessage.FetchResponse(
                epoch,
                node.ctx().self(),
                r.fetchId(),
                RaftMessage.FetchError.NONE,
                node.log().slice(r.fetchOffset(), node.config().maxFetchRecords()),
                node.highWatermark(),
                -1,
                -1,
                barrier));
  }

  /** Answers every held fetch now: there is something new for them (entries or a barrier). */
  private void wakeParked() {
    for (int v = 0; v < voters; v++) {
      if (parked[v] != null) {
        respond(v, parked[v]);
      }
    }
  }

  private void maybeAdvanceHighWatermark() {
    long[] offsets = matchOffset.clone();
    offsets[self] = node.log().endOffset();
    Arrays.sort(offsets);
    long majorityOffset = offsets[voters - node.config().majority()];
    boolean pastEpochStart = majorityOffset > epochStartOffset;
    if (majorityOffset > node.highWatermark()
        && (pastEpochStart || node.config().bug() == RaftBug.COMMIT_PREVIOUS_EPOCH)) {
      node.advanceHighWatermark(majorityOffset); // applies, and calls onApplied for each entry
      observers.wakeAll(); // observers learn the commit at once
      startReads();
      serveReads();
    }
  }

  /** An entry was applied; answer its client if this leader appended it. */
  void onApplied(LogEntry e, KvStateMachine.Result result) {
    if (e.epoch() == epoch && result != null && e.command() instanceof Command.ClientCommand c) {
      node.reply(c, result);
      appendedSeq.remove(c.client());
    }
  }

  void onClientRequest(int from, Command.ClientCommand c) {
    if (c instanceof Command.Get g && node.config().readPath() == ReadPath.READ_INDEX) {
      onRead(from, g);
      return;
    }
    KvStateMachine.Result done = node.machine().resultOf(c.client(), c.seq());
    if (done != null) {
      node.reply(c, done); // applied before; the answer was lost
      return;
    }
    Long pending = appendedSeq.get(c.client());
    if (pending != null && pending == c.seq()) {
      return; // already in the log of this epoch; answered when it applies
    }
    appendedSeq.put(c.client(), c.seq());
    append(c);
  }

  private void onRead(int from, Command.Get g) {
    if (node.config().bug() == RaftBug.STALE_LEADER_READ) {
      node.reply(g, new KvStateMachine.Result(KvMessage.Status.OK, node.machine().read(g.key())));
      return;
    }
    reads.add(new PendingRead(from, g));
    startReads();
    serveReads();
  }

  /**
   * Gives waiting reads a read index and a new barrier, once this epoch has committed an entry
   * (before that, the high watermark may lag what earlier leaders committed).
   */
  private void startReads() {
    if (node.highWatermark() <= epochStartOffset) {
      if (!reads.isEmpty() && node.log().endOffset() == epochStartOffset) {
        append(new Command.LeaderChange(node.ctx().self())); // reads need an entry of this epoch
      }
      return;
    }
    boolean raised = false;
    for (PendingRead r : reads) {
      if (r.readIndex < 0) {
        if (!raised) {
          barrier++;
          raised = true;
        }
        r.readIndex = node.highWatermark();
        r.barrier = barrier;
      }
    }
    if (raised) {
      wakeParked();
    }
  }

  /** Answers reads whose barrier a majority has echoed: no other leader was elected before it. */
  private void serveReads() {
    Iterator<PendingRead> it = reads.iterator();
    while (it.hasNext()) {
      PendingRead r = it.next();
      if (r.readIndex >= 0
          && confirmations(r.barrier) >= node.config().majority()
          && node.machine().appliedOffset() >= r.readIndex) {
        it.remove();
        node.reply(
            r.get,
            new KvStateMachine.Result(KvMessage.Status.OK, node.machine().read(r.get.key())));
      }
    }
  }

  private int confirmations(long b) {
    int n = 0;
    for (int v = 0; v < voters; v++) {
      if (v == self || echoedBarrier[v] >= b) {
        n++;
      }
    }
    return n;
  }

  @Override
  public long nextDeadline() {
    if (raftTimers()) {
      return nextHeartbeatAt;
    }
    long d = nextCheckAt;
    for (int v = 0; v < voters; v++) {
      if (parked[v] != null) {
        d = Math.min(d, parkedAt[v] + node.config().fetchMaxWaitMicros());
      }
    }
    return Math.min(d, observers.nextDeadline());
  }

  @Override
  public void onTick(long nowMicros) {
    if (raftTimers()) {
      if (nowMicros >= nextHeartbeatAt) {
        heartbeat(nowMicros);
      }
      return;
    }
    for (int v = 0; v < voters; v++) {
      if (parked[v] != null && nowMicros >= parkedAt[v] + node.config().fetchMaxWaitMicros()) {
        respond(v, parked[v]);
      }
    }
    observers.onTick(nowMicros);
    if (nowMicros < nextCheckAt) {
      return;
    }
    if (node.config().checkQuorum() && !majorityFetchedSince(nowMicros)) {
      node.quorum().resign();
      return;
    }
    announce(nowMicros, false);
  }

  /** Figure 2's heartbeat: every held fetch answered, every other voter told, at once. */
  private void heartbeat(long nowMicros) {
    nextHeartbeatAt = nowMicros + node.config().heartbeatIntervalMicros();
    if (node.config().checkQuorum() && !majorityFetchedSince(nowMicros)) {
      node.quorum().resign();
      return;
    }
    RaftMessage announce = new RaftMessage.BeginQuorumEpoch(epoch, node.ctx().self());
    for (int v = 0; v < voters; v++) {
      if (parked[v] != null) {
        respond(v, parked[v]);
      } else if (v != self) {
        node.ctx().send(node.config().voterId(v), announce);
      }
    }
  }

  private boolean majorityFetchedSince(long nowMicros) {
    int fresh = 0;
    for (int v = 0; v < voters; v++) {
      if (v == self || nowMicros - lastFetchAt[v] <= node.config().checkQuorumMicros()) {
        fresh++;
      }
    }
    return fresh >= node.config().majority();
  }
}
