package dev.faultline.models.raft;

/**
 * A node's epoch, its vote in that epoch and its role: the only place a role changes. Epoch and
 * vote are written and synced before anything that depends on them leaves the node.
 *
 * <pre>
 * from \ on    higher epoch seen  election/fetch timeout      majority of (pre-)votes  leader of epoch seen  check-quorum fails
 * Unattached   Unattached(e')     Prospective | Candidate(e+1)         -                Follower              -
 * Prospective  Unattached(e')     Prospective (new round)      Candidate(e+1)           Follower              -
 * Candidate    Unattached(e')     Prospective | Candidate(e+1) Leader                   Follower              -
 * Leader       Unattached(e')             -                            -                        -             Unattached(e)
 * Follower     Unattached(e')     Prospective | Candidate(e+1)         -                        -             -
 * </pre>
 *
 * "Prospective | Candidate" reads: Prospective when pre-vote is on, else Candidate. A higher epoch
 * seen from its leader (a fetch response, BeginQuorumEpoch) goes straight to Follower. Granting a
 * vote keeps an Unattached or Prospective node Unattached, with the vote recorded.
 */
final class QuorumState {
  static final String DISK_KEY = "quorum-state";

  /** What is persisted: the epoch and the vote cast in it (-1: none). */
  record Persisted(int epoch, int votedFor) {}

  private final RaftNode node;
  private int epoch;
  private int votedFor = -1;
  private int unreachableLeader = -1;
  private RoleState state;

  QuorumState(RaftNode node) {
    this.node = node;
  }

  /** Recovers epoch and vote from disk and starts Unattached. */
  void start() {
    Persisted p = node.ctx().disk().get(DISK_KEY);
    if (p != null) {
      epoch = p.epoch();
      votedFor = p.votedFor();
    }
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

  /** A message of a higher epoch arrived; {@code leader} is that epoch's leader if it names one. */
  void onHigherEpoch(int newEpoch, int leader) {
    if (leader >= 0) {
      toFollower(newEpoch, leader);
    } else {
      toUnattached(newEpoch);
    }
  }

  void toUnattached(int newEpoch) {
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

  /** The election or fetch timer ran out. */
  void onElectionTimeout() {
    if (state instanceof FollowerState f) {
      unreachableLeader = f.leader();
    }
    if (node.config().preVote()) {
      install(new ProspectiveState(node, epoch));
    } else {
      toCandidate();
    }
  }

  void toCandidate() {
    epoch++;
    votedFor = node.ctx().self();
    unreachableLeader = -1;
    persist(node.config().bug() != RaftBug.VOTE_NOT_PERSISTED);
    install(new CandidateState(node, epoch));
  }

  void toLeader() {
    install(new LeaderState(node, epoch));
  }

  void toFollower(int newEpoch, int leader) {
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
    install(new FollowerState(node, epoch, leader));
  }

  /** Check-quorum failed: the leader steps down in its epoch and waits for an election. */
  void resign() {
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
