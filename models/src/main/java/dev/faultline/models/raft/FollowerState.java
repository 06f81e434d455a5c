package dev.faultline.models.raft;

/**
 * A voter that follows a known leader: it pulls entries with one fetch at a time, truncates when
 * the leader reports divergence, and campaigns when no fetch has succeeded for a fetch timeout.
 *
 * <p>Durability: appended entries are synced before the next fetch is sent, and that fetch's offset
 * is what the leader counts toward the high watermark. A follower therefore never reports an offset
 * that a crash could take back.
 */
final class FollowerState implements RoleState {
  private final RaftNode node;
  private final int epoch;
  private final int leader;
  private long fetchDeadline;
  private long lastContact;
  private long fetchId;
  private boolean inFlight;
  private long resendAt;
  private long barrier;

  FollowerState(RaftNode node, int epoch, int leader) {
    this.node = node;
    this.epoch = epoch;
    this.leader = leader;
  }

  @Override
  public String name() {
    return "follower";
  }

  @Override
  public int leader() {
    return leader;
  }

  @Override
  public void enter() {
    long now = node.now();
    fetchDeadline = now + node.config().fetchTimeoutMicros();
    // Not heard from the leader yet: a hint from another voter may be stale, so until the leader
    // answers, this node neither refuses pre-votes nor names the leader to others.
    lastContact = Long.MIN_VALUE / 2;
    fetch();
  }

  /** The leader itself spoke to this node (BeginQuorumEpoch). */
  void heardFromLeader() {
    lastContact = node.now();
  }

  /** Whether the leader was heard from within a fetch timeout: pre-votes are then refused. */
  boolean hasRecentLeader(long nowMicros) {
    return nowMicros - lastContact < node.config().fetchTimeoutMicros();
  }

  private void fetch() {
    RaftLog log = node.log();
    // A random id tells this request's answer from a stale or duplicated one, across restarts too.
    fetchId = node.ctx().random().nextLong();
    node.ctx()
        .send(
            leader,
            new RaftMessage.FetchRequest(
                epoch, fetchId, log.endOffset(), log.lastEpoch(), barrier));
    inFlight = true;
    resendAt = node.now() + node.config().fetchRetryMicros();
  }

  void onFetchResponse(RaftMessage.FetchResponse r) {
    if (!inFlight || r.fetchId() != fetchId) {
      return;
    }
    inFlight = false;
    long now = node.now();
    if (r.error() != RaftMessage.FetchError.NONE) {
      // The leader of this epoch resigned (or restarted): it leads no more, so stop following it
      // and stop naming it to others as the leader.
      node.quorum().toUnattached(epoch);
      return;
    }
    fetchDeadline = now + node.config().fetchTimeoutMicros();
    lastContact = now;
    barrier = r.barrier();
    RaftLog log = node.log();
    if (r.diverging()) {
      RaftLog.EpochEnd mine = log.endOffsetForEpoch(r.divergingEpoch());
      log.truncateTo(Math.min(r.divergingEndOffset(), mine.offset()));
      log.sync();
    } else {
      boolean appended = false;
      for (LogEntry e : r.records()) {
        if (e.offset() == log.endOffset()) {
          log.append(e);
          appended = true;
        }
      }
      if (appended) {
        log.sync(); // before the next fetch reports the new end offset as replicated
      }
      node.advanceHighWatermark(Math.min(r.highWatermark(), log.endOffset()));
    }
    fetch();
  }

  @Override
  public long nextDeadline() {
    return Math.min(fetchDeadline, resendAt);
  }

  @Override
  public void onTick(long nowMicros) {
    if (nowMicros >= fetchDeadline) {
      node.quorum().onElectionTimeout();
    } else if (nowMicros >= resendAt) {
      fetch();
    }
  }
}
