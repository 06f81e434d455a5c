package dev.faultline.models.raft;

/**
 * A voter that follows a known leader: it pulls entries with a fetch, truncates when the leader
 * reports divergence, and campaigns when the node's election deadline passes (under KRaft timers, a
 * fixed fetch timeout after the last successful fetch).
 *
 * <p>Fetches: one is sent at a time; if it is unanswered for {@link RaftConfig#fetchRetryMicros} a
 * new one is sent. An answer to any fetch sent since the last answer that counted still counts (a
 * slow answer is still news from the leader), and counting it retires every fetch sent before that
 * moment, so re-sends never multiply. A round trip longer than the re-send interval therefore costs
 * messages, not leadership.
 *
 * <p>Durability: appended entries are synced before the next fetch is sent, and that fetch's offset
 * is what the leader counts toward the high watermark. A follower therefore never reports an offset
 * that a crash could take back.
 */
final class FollowerState implements RoleState {
  private final RaftNode node;
  private final int epoch;
  private final int leader;
  private long lastContact;
  private long nonce;
  private long sent;
  private long counted;
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
    // Not heard from the leader yet: a hint from another voter may be stale, so until the leader
    // answers, this node neither refuses pre-votes nor names the leader to others.
    lastContact = Long.MIN_VALUE / 2;
    // A random base tells this follower's answers from a stale or duplicated one of an earlier
    // incarnation or role; fetch ids then count up from it.
    nonce = node.ctx().random().nextLong() & 0x3fff_ffff_ffff_ffffL;
    fetch();
  }

  /** The leader itself spoke to this node (BeginQuorumEpoch: under Raft timers, a heartbeat). */
  void heardFromLeader() {
    lastContact = node.now();
    if (node.config().timers() == Timers.RAFT) {
      node.quorum().timer().onLeaderContact();
    }
  }

  /** Whether the leader was heard from lately enough that pre-votes are refused. */
  boolean hasRecentLeader(long nowMicros) {
    return nowMicros - lastContact < node.config().leaderFreshMicros();
  }

  private void fetch() {
    RaftLog log = node.log();
    sent++;
    node.ctx()
        .send(
            leader,
            new RaftMessage.FetchRequest(
                epoch, nonce + sent, log.endOffset(), log.lastEpoch(), barrier));
    resendAt = node.now() + node.config().fetchRetryMicros();
  }

  void onFetchResponse(RaftMessage.FetchResponse r) {
    long n = r.fetchId() - nonce;
    if (n <= counted || n > sent) {
      return; // retired, or not ours
    }
    counted = sent; // every fetch out now is retired: the one sent below replaces them
    if (r.error() != RaftMessage.FetchError.NONE) {
      // The leader of this epoch resigned (or restarted): it leads no more, so stop following it
      // and stop naming it to others as the leader.
      node.quorum().toUnattached(epoch);
      return;
    }
    lastContact = node.now();
    node.quorum().timer().onLeaderContact();
    barrier = Math.max(barrier, r.barrier());
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
    return Math.min(node.quorum().timer().deadline(), resendAt);
  }

  @Override
  public void onTick(long nowMicros) {
    if (nowMicros >= node.quorum().timer().deadline()) {
      node.quorum().onElectionTimeout();
    } else if (nowMicros >= resendAt) {
      fetch();
    }
  }
}
