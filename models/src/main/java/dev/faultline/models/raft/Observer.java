package dev.faultline.models.raft;

import dev.faultline.sim.NodeContext;

/**
 * A node that reads a Raft log without voting: KIP-595's observer, as KRaft's brokers read the
 * metadata log. It fetches from the leader it knows (or, knowing none, from the voters in turn),
 * follows leader hints in answers, truncates where its log diverges from the leader's, and learns
 * the high watermark from every answer. It never counts toward a majority, and its fetches never
 * move a voter to a new epoch. The log lives on the node's disk; the high watermark is learned
 * again after a restart.
 *
 * <p>The node calls {@link #onTimer} with its timer tags and {@link #onResponse} with fetch
 * answers, and reads the entries below {@link #highWatermark} (committed: never truncated).
 */
public final class Observer {
  /**
   * The timer of one fetch: resend it if unanswered, to another voter; or, with {@code retry}, the
   * wait after an error before asking the hinted leader.
   */
  public record Tick(long fetchId, boolean retry) {
    @Override
    public String toString() {
      return "observer-fetch"; // what the trace hashes: cheap and stable
    }
  }

  private final RaftConfig config;
  private final NodeContext ctx;
  private final RaftLog log;
  private int epoch;
  private int leader = -1;
  private int nextVoter;
  private long fetchId;
  private long timer = -1;
  private long highWatermark;

  public Observer(RaftConfig config, NodeContext ctx) {
    this.config = config;
    this.ctx = ctx;
    this.log = new RaftLog(ctx.disk());
    this.nextVoter = ctx.random().nextInt(config.voters());
  }

  /** Sends the first fetch. */
  public void start() {
    fetch();
  }

  /** The log as fetched so far; entries below the high watermark are committed. */
  public RaftLog log() {
    return log;
  }

  /** Entries below this offset are committed, as far as this observer has heard. */
  public long highWatermark() {
    return highWatermark;
  }

  /** The leader this observer fetches from, or -1. */
  public int leader() {
    return leader;
  }

  private void fetch() {
    int target = leader >= 0 ? leader : config.voterId(nextVoter++ % config.voters());
    fetchId = ctx.random().nextLong();
    ctx.send(
        target, new RaftMessage.FetchRequest(epoch, fetchId, log.endOffset(), log.lastEpoch(), 0));
    arm(config.fetchRetryMicros(), new Tick(fetchId, false));
  }

  /** Sets the one timer this observer keeps, cancelling the one before (no stale ticks). */
  private void arm(long delayMicros, Tick tick) {
    if (timer >= 0) {
      ctx.cancelTimer(timer);
    }
    timer = ctx.setTimer(delayMicros, tick);
  }

  /** Handles a timer; returns false when the tag is not this observer's. */
  public boolean onTimer(Object tag) {
    if (!(tag instanceof Tick t)) {
      return false;
    }
    if (t.fetchId() == fetchId) {
      timer = -1;
      if (!t.retry()) {
        leader = -1; // unanswered: try the voters in turn
      }
      fetch();
    }
    return true;
  }

  /** Handles a fetch answer (stale or duplicated ones are ignored). */
  public void onResponse(int from, RaftMessage.FetchResponse r) {
    if (r.fetchId() != fetchId) {
      return;
    }
    fetchId = ctx.random().nextLong(); // the answer is in: its timer no longer resends
    if (r.epoch() > epoch) {
      epoch = r.epoch();
      leader = -1;
    }
    if (r.error() != RaftMessage.FetchError.NONE || r.epoch() < epoch) {
      leader = r.epoch() == epoch && r.leader() >= 0 && r.leader() != from ? r.leader() : -1;
      // Wait a little before asking again: an election may be under way.
      arm(config.fetchMaxWaitMicros() / 4, new Tick(fetchId, true));
      return;
    }
    leader = from;
    if (r.diverging()) {
      RaftLog.EpochEnd mine = log.endOffsetForEpoch(r.divergingEpoch());
      log.truncateTo(Math.max(highWatermark, Math.min(r.divergingEndOffset(), mine.offset())));
    } else {
      for (LogEntry e : r.records()) {
        if (e.offset() == log.endOffset()) {
          log.append(e);
        }
      }
      highWatermark = Math.max(highWatermark, Math.min(r.highWatermark(), log.endOffset()));
    }
    fetch();
  }
}
