package dev.faultline.models.replog;

import dev.faultline.sim.NodeContext;
import java.util.List;

/**
 * A replica following the leader of one epoch: it fetches from its log end, naming the epoch of its
 * last record; when the leader says their logs diverge it truncates to where they agree (by leader
 * epoch, KIP-101/KIP-279) and fetches again. One fetch is outstanding at a time; an unanswered one
 * is resent after the fetch timeout, and a stale answer (an older fetch id) is ignored.
 */
final class FollowerRole {
  /** Timer tags; records carry the fetch they belong to so a stale timer does nothing. */
  record FetchTimeout(int partition, long fetchId) {
    @Override
    public String toString() {
      return "fetch-timeout"; // what the trace hashes: cheap and stable
    }
  }

  /** Fires when a follower may fetch again after a fetch that returned nothing. */
  record FetchBackoff(int partition, long fetchId) {
    @Override
    public String toString() {
      return "fetch-backoff";
    }
  }

  private final PartitionReplica replica;
  private final NodeContext ctx;
  private final int leader;
  private final int epoch;
  private long fetchId;
  private long timeoutTimer = -1;

  FollowerRole(PartitionReplica replica, int leader, int epoch) {
    this.replica = replica;
    this.ctx = replica.ctx;
    this.leader = leader;
    this.epoch = epoch;
    // Fetch ids are unique across this node's incarnations' roles: derive from the clock and epoch.
    this.fetchId = ((long) epoch << 40) + (ctx.nowMicros() & 0xffffffffffL);
  }

  void fetch() {
    fetchId++;
    ReplicaLog log = replica.log;
    ctx.send(
        leader,
        new ReplogMessage.Fetch(
            replica.partition, fetchId, epoch, log.endOffset(), log.lastEpoch()));
    if (timeoutTimer >= 0) {
      ctx.cancelTimer(timeoutTimer);
    }
    timeoutTimer =
        ctx.setTimer(
            replica.config.fetchTimeoutMicros(), new FetchTimeout(replica.partition, fetchId));
  }

  void onTimer(Object tag) {
    if (tag instanceof FetchTimeout t && t.fetchId() == fetchId) {
      timeoutTimer = -1;
      fetch();
    } else if (tag instanceof FetchBackoff b && b.fetchId() == fetchId) {
      fetch();
    }
  }

  void onResponse(ReplogMessage.FetchResponse r) {
    if (r.fetchId() != fetchId) {
      return; // an old or duplicated answer
    }
    if (timeoutTimer >= 0) {
      ctx.cancelTimer(timeoutTimer);
      timeoutTimer = -1;
    }
    ReplicaLog log = replica.log;
    if (r.error() == ErrorCode.OFFSET_OUT_OF_RANGE) {
      replica.truncate(Math.min(log.endOffset(), r.divergingEndOffset()));
      fetch();
      return;
    }
    if (r.error() != ErrorCode.NONE) {
      backoff();
      return;
    }
    if (r.divergingEpoch() != -2) {
      ReplicaLog.EpochEnd own = log.endOffsetForEpoch(r.divergingEpoch());
      replica.truncate(Math.min(r.divergingEndOffset(), own.endOffset()));
      fetch();
      return;
    }
    List<LogEntry> records = r.records();
    if (!records.isEmpty() && records.get(0).offset() == log.endOffset()) {
      replica.append(records);
    }
    replica.advanceHighWatermark(r.highWatermark());
    if (records.isEmpty()) {
      backoff();
    } else {
      fetch();
    }
  }

  private void backoff() {
    ctx.setTimer(replica.config.fetchBackoffMicros(), new FetchBackoff(replica.partition, fetchId));
  }

  int leader() {
    return leader;
  }
}
