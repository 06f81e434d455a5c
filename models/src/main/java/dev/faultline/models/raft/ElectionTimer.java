package dev.faultline.models.raft;

/**
 * The node's election deadline, kept across role changes, and the two ways it moves. Which events
 * reset it is decided by {@link QuorumState}, per {@link Timers}; this class only knows what a
 * reset draws.
 *
 * <ul>
 *   <li>A randomized reset draws uniformly from the election timeout range (KRaft's {@code
 *       QuorumState.randomElectionTimeoutMs}, [T, 2T); the Raft paper's Figure 2 and §9.3 draw from
 *       a configured range).
 *   <li>Under KRaft timers a follower's deadline is the fixed fetch timeout after its last
 *       successful fetch ({@code FollowerState.resetFetchTimeout}): no randomness at all.
 * </ul>
 */
final class ElectionTimer {
  private final RaftNode node;
  private long deadline;

  ElectionTimer(RaftNode node) {
    this.node = node;
  }

  /** The local time at which the node gives up waiting for a leader. */
  long deadline() {
    return deadline;
  }

  /** A fresh randomized election timeout from now. */
  void reset() {
    RaftConfig c = node.config();
    long span = c.electionTimeoutMaxMicros() - c.electionTimeoutMinMicros();
    long draw = span == 0 ? 0 : node.ctx().random().nextLong(span + 1);
    deadline = node.now() + c.electionTimeoutMinMicros() + draw;
  }

  /** The leader of the epoch was heard from: by a fetch answer, or (Raft timers) a heartbeat. */
  void onLeaderContact() {
    if (node.config().timers() == Timers.RAFT) {
      reset();
    } else {
      deadline = node.now() + node.config().fetchTimeoutMicros();
    }
  }

  /**
   * KRaft's binary exponential backoff after a failed election (KafkaRaftClient, before KIP-996): a
   * random number of backoff units below 2^retries, at most the configured maximum.
   */
  long backoffMicros(int retries) {
    long max = node.config().electionBackoffMaxMicros();
    long unit = Math.max(1, max / 10);
    int bound = 2 << Math.min(20, Math.max(0, retries - 1));
    return Math.min(unit * node.ctx().random().nextInt(bound), max);
  }
}
