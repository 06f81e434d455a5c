package dev.faultline.models.raft;

/**
 * A node's epoch, its vote in that epoch, its role and its election deadline: the only place a role
 * changes. Epoch and vote are written and synced before anything that depends on them leaves the
 * node.
 *
 * <pre>
 * from \ on    higher epoch seen  election deadline            majority of (pre-)votes  leader of epoch seen  check-quorum fails
 * Unattached   Unattached(e')     Prospective | Candidate(e+1)          -                 Follower              -
 * Prospective  Unattached(e')     Unattached(e)                 Candidate(e+1)           Follower              -
 * Candidate    Unattached(e')     Prospective | Candidate(e+1)  Leader                   Follower              -
 * Leader       Unattached(e')             -                             -                         -            Unattached(e)
 * Follower     Unattached(e')     Prospective | Candidate(e+1)          -                         -            -
 * </pre>
 *
 * "Prospective | Candidate" reads: Prospective when pre-vote is on, else Candidate (a candidate
 * under KRaft timers without pre-vote first backs off at random). A pre-vote refused by a majority
 * also ends in Unattached(e). A higher epoch seen from its leader (a fetch response,
 * BeginQuorumEpoch) goes straight to Follower. Granting a vote keeps an Unattached or Prospective
 * node Unattached, with the vote recorded.
 *
 * <p>The election deadline moves only as each source says. Both: granting a vote and starting a
 * (pre-)candidacy draw a fresh random timeout; refusing a vote moves nothing. KRaft ({@code
 * QuorumState.transitionToUnattached}): a higher epoch keeps the remaining time of an unattached,
 * prospective or candidate node and draws afresh for a follower or leader; a follower's deadline is
 * its fixed fetch timeout. Raft (Figure 2): only the current leader's heartbeats and entries, and
 * granting a vote, reset the timer; stepping down to a higher epoch does not (LogCabin's stepDown
 * resets it only for a deposed leader, which had none).
 */
final class QuorumState {
  static final String DISK_KEY = "quorum-state";

  /** What is persisted: the epoch and the vote cast in it (-1: none). */
  record Persisted(int epoch, int votedFor) {}

  private final RaftNode node;
  private final ElectionTimer timer;
  private int epoch;
  private int votedFor = -1;
  private int unreachableLeader = -1;
  private int retries;
  private RoleState state;

  QuorumState(RaftNode node) {
    this.node = node;
    this.timer = new ElectionTimer(node);
  }

  /** Recovers epoch and vote from disk and starts Unattached. */
  void start() {
    Persisted p = node.ctx().disk().get(DISK_KEY);
    if (p != null) {
      epoch = p.epoch();
      votedFor = p.votedFor();
    }
    timer.reset();
    install(new UnattachedState(node, epoch));
  }

  int epoch() {
    return epoch;
  }

  int votedFor() {
    return votedFor;
  }

  RoleState state() {
    return state;
  }

  ElectionTimer timer() {
    return timer;
  }

  private boolean raftTimers() {
    return node.config().timers() == Timers.RAFT;
  }

  /** A message of a higher epoch arrived; {@code leader} is that epoch's leader if it names one. */
  void onHigherEpoch(int newEpoch, int leader, boolean fromLeader) {
    if (leader >= 0) {
      toFollower(newEpoch, leader, fromLeader);
    } else {
      toUnattached(newEpoch);
    }
  }

  /** Unattached in {@code newEpoch} (or the current one, when a leader stopped leading). */
  void toUnattached(int newEpoch) {
    boolean keepsTime =
        raftTimers()
            ? !(state instanceof LeaderState)
            : state instanceof UnattachedState || state instanceof Campaign;
    if (!keepsTime) {
      timer.reset();
    }
    if (newEpoch > epoch) {
      epoch = newEpoch;
      votedFor = -1;
      unreachableLeader = -1;
      persist(true);
    }
    install(new UnattachedState(node, epoch));
  }

  /** Records a vote for {@code candidate} in the current epoch, durably unless the bug says not. */
  void grantVote(int candidate) {
    votedFor = candidate;
    persist(node.config().bug() != RaftBug.VOTE_NOT_PERSISTED);
    timer.reset(); // KRaft: "the candidate has at least as good a chance as us"; Figure 2 alike
    install(new UnattachedState(node, epoch));
  }

  /**
   * The leader this node stopped following in the current epoch because its fetches failed, or -1.
   * Other voters may still name it for a while; a (pre-)candidate does not go back to it on their
   * word, or voters whose fetch timeouts run out one after another would send each other back to a
   * dead leader forever.
   */
  int unreachableLeader() {
    return unreachableLeader;
  }

  /** The election (or fetch) deadline of an unattached node or a follower passed. */
  void onElectionTimeout() {
    if (state instanceof FollowerState f) {
      unreachableLeader = f.leader();
    }
    campaign();
  }

  /** A candidate's election failed: it timed out, or (KRaft) a majority refused. */
  void onElectionLost() {
    if (node.config().preVote() || raftTimers()) {
      campaign();
    } else if (state instanceof CandidateState c) {
      c.backOff(node.now() + timer.backoffMicros(retries));
    }
  }

  /**
   * A pre-vote round failed: refused by a majority, or timed out. KRaft goes back to waiting
   * (unattached), with a fresh timeout after a refusal and none left after a timeout; the
   * dissertation's pre-vote waits for another election timeout.
   */
  void onPreVoteLost(boolean refused) {
    if (raftTimers() || refused) {
      timer.reset();
    }
    install(new UnattachedState(node, epoch));
  }

  private void campaign() {
    if (node.config().preVote()) {
      timer.reset();
      install(new ProspectiveState(node, epoch));
    } else {
      toCandidate();
    }
  }

  void toCandidate() {
    retries = state instanceof CandidateState ? retries + 1 : 1;
    epoch++;
    votedFor = node.ctx().self();
    unreachableLeader = -1;
    persist(node.config().bug() != RaftBug.VOTE_NOT_PERSISTED);
    timer.reset();
    install(new CandidateState(node, epoch));
  }

  void toLeader() {
    install(new LeaderState(node, epoch));
  }

  /**
   * Follows {@code leader} in {@code newEpoch}. {@code fromLeader}: the leader itself said so (its
   * heartbeat or fetch answer), which under Raft timers resets the election timer; another voter's
   * hint does not.
   */
  void toFollower(int newEpoch, int leader, boolean fromLeader) {
    if (leader == node.ctx().self()) {
      // A stale hint naming this node (it led the epoch, then resigned or restarted).
      if (newEpoch > epoch) {
        toUnattached(newEpoch);
      }
      return;
    }
    if (newEpoch == epoch && state instanceof LeaderState) {
      return; // two leaders in one epoch: only a bug allows it, and an invariant reports it
    }
    if (newEpoch > epoch) {
      epoch = newEpoch;
      votedFor = -1;
      unreachableLeader = -1;
      persist(true);
    }
    if (!raftTimers()) {
      timer.onLeaderContact(); // KRaft: a new FollowerState starts a full fetch timeout
    } else if (fromLeader || state instanceof LeaderState) {
      timer.reset();
    }
    install(new FollowerState(node, epoch, leader));
  }

  /** Check-quorum failed: the leader steps down in its epoch and waits for an election. */
  void resign() {
    timer.reset();
    install(new UnattachedState(node, epoch));
  }

  private void persist(boolean withVote) {
    int durableVote = withVote ? votedFor : -1;
    node.ctx().disk().put(DISK_KEY, new Persisted(epoch, durableVote));
    node.ctx().disk().sync();
  }

  private void install(RoleState next) {
    state = next;
    node.ctx().setRole(next.name());
    next.enter();
  }
}
