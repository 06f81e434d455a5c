package dev.faultline.models.raft;

/**
 * Pre-vote (KIP-996; Ongaro's dissertation §9.6): before raising its epoch the node asks whether
 * voters would vote for it. Nothing changes at a voter that answers, so a node cut off from the
 * leader cannot disrupt it.
 */
final class ProspectiveState extends Campaign {
  ProspectiveState(RaftNode node, int epoch) {
    super(node, epoch);
  }

  @Override
  public String name() {
    return "prospective";
  }

  @Override
  RaftMessage request(RaftLog log) {
    return new RaftMessage.PreVoteRequest(
        epoch + 1, node.ctx().self(), log.lastEpoch(), log.endOffset());
  }

  @Override
  void onMajority() {
    node.quorum().toCandidate();
  }

  @Override
  void onLost(boolean refused) {
    node.quorum().onPreVoteLost(refused);
  }
}
