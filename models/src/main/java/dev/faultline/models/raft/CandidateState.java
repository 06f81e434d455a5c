package dev.faultline.models.raft;

/**
 * A node campaigning in its epoch: it has voted for itself (durably) and asks every voter. A
 * majority makes it leader; a timeout starts another round.
 */
final class CandidateState extends Campaign {
  CandidateState(RaftNode node, int epoch) {
    super(node, epoch);
  }

  @Override
  public String name() {
    return "candidate";
  }

  @Override
  RaftMessage request(RaftLog log) {
    return new RaftMessage.VoteRequest(epoch, node.ctx().self(), log.lastEpoch(), log.endOffset());
  }

  @Override
  void onMajority() {
    node.quorum().toLeader();
  }
}
