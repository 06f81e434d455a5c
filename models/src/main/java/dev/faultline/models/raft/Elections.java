package dev.faultline.models.raft;

/**
 * The voter's side of elections: when a vote or pre-vote is granted, and what a (pre-)candidate
 * does with answers. Votes go only to a candidate whose log is at least as up to date as the
 * voter's, once per epoch, and are synced to disk before the answer leaves.
 */
final class Elections {
  private Elections() {}

  static void onVoteRequest(RaftNode node, int from, RaftMessage.VoteRequest v) {
    QuorumState q = node.quorum();
    boolean grant = false;
    if (v.epoch() == q.epoch()) {
      RoleState s = q.state();
      boolean free = q.votedFor() == -1 || q.votedFor() == v.candidate();
      boolean canVote = s instanceof UnattachedState || s instanceof ProspectiveState;
      grant = canVote && free && logOk(node, v.lastEpoch(), v.endOffset());
      if (grant) {
        q.grantVote(v.candidate()); // persisted and synced before the answer is sent
      }
    }
    node.ctx().send(from, new RaftMessage.VoteResponse(q.epoch(), grant, freshLeader(node)));
  }

  static void onPreVoteRequest(RaftNode node, int from, RaftMessage.PreVoteRequest p) {
    QuorumState q = node.quorum();
    RoleState s = q.state();
    boolean leaderAlive =
        s instanceof LeaderState || (s instanceof FollowerState f && f.hasRecentLeader(node.now()));
    boolean grant =
        p.epoch() > q.epoch() && !leaderAlive && logOk(node, p.lastEpoch(), p.endOffset());
    node.ctx().send(from, new RaftMessage.PreVoteResponse(q.epoch(), grant, freshLeader(node)));
  }

  static void onVoteResponse(RaftNode node, int from, RaftMessage.VoteResponse r) {
    QuorumState q = node.quorum();
    if (r.epoch() != q.epoch()) {
      return;
    }
    if (q.state() instanceof CandidateState c) {
      c.onAnswer(from, r.granted());
    } else if (r.leader() >= 0 && q.state().leader() < 0 && r.leader() != q.unreachableLeader()) {
      q.toFollower(r.epoch(), r.leader(), false);
    }
  }

  static void onPreVoteResponse(RaftNode node, int from, RaftMessage.PreVoteResponse r) {
    QuorumState q = node.quorum();
    if (!(q.state() instanceof ProspectiveState p) || r.epoch() > q.epoch()) {
      return;
    }
    if (r.epoch() == q.epoch() && r.leader() >= 0 && r.leader() != q.unreachableLeader()) {
      q.toFollower(r.epoch(), r.leader(), false); // the epoch has a leader: follow it instead
    } else {
      p.onAnswer(from, r.granted());
    }
  }

  /**
   * The leader to name in an answer (KIP-595's leader hint): only one heard from lately. A follower
   * cut off from a dead leader would otherwise keep sending every (pre-)candidate back to it.
   */
  private static int freshLeader(RaftNode node) {
    RoleState s = node.quorum().state();
    if (s instanceof LeaderState) {
      return node.ctx().self();
    }
    return s instanceof FollowerState f && f.hasRecentLeader(node.now()) ? f.leader() : -1;
  }

  private static boolean logOk(RaftNode node, int lastEpoch, long endOffset) {
    return node.config().bug() == RaftBug.VOTE_WITHOUT_LOG_CHECK
        || node.log().isCaughtUpBy(lastEpoch, endOffset);
  }
}
