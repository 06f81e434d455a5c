package dev.faultline.models.raft;

/**
 * KIP-996's pre-vote: before raising its epoch the node asks whether voters would vote for it.
 * Nothing changes at a voter that answers, so a node cut off from the leader cannot disrupt it.
 */
final class ProspectiveState implements RoleState {
  private final RaftNode node;
  private final int epoch;
  private Ballot ballot;
  private long electionDeadline;
  private long retryAt;

  ProspectiveState(RaftNode node, int epoch) {
    this.node = node;
    this.epoch = epoch;
  }

  @Override
  public String name() {
    return "prospective";
  }

  @Override
  public void enter() {
    ballot = new Ballot(node.ctx().self());
    electionDeadline = node.now() + node.randomElectionTimeout();
    if (!won()) {
      ask();
    }
  }

  private void ask() {
    RaftLog log = node.log();
    RaftMessage m =
        new RaftMessage.PreVoteRequest(
            epoch + 1, node.ctx().self(), log.lastEpoch(), log.endOffset());
    for (int v = 0; v < node.config().voters(); v++) {
      if (!ballot.hasAnswered(v)) {
        node.ctx().send(v, m);
      }
    }
    retryAt = node.now() + node.config().fetchMaxWaitMicros();
  }

  void onPreVote(int from, boolean granted) {
    ballot.record(from, granted);
    won();
  }

  private boolean won() {
    if (ballot.grants() >= node.config().majority()) {
      node.quorum().toCandidate();
      return true;
    }
    return false;
  }

  @Override
  public long nextDeadline() {
    return Math.min(electionDeadline, retryAt);
  }

  @Override
  public void onTick(long nowMicros) {
    if (nowMicros >= electionDeadline) {
      node.quorum().onElectionTimeout();
    } else if (nowMicros >= retryAt) {
      ask();
    }
  }
}
