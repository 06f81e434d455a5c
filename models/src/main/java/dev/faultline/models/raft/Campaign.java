package dev.faultline.models.raft;

/**
 * Asking the voters for a majority: what pre-vote ({@link ProspectiveState}) and a real election
 * ({@link CandidateState}) share. The node counts itself, asks every voter that has not answered,
 * asks again each fetch wait, and gives up at its election deadline. The two differ only in the
 * request they send and in the transition a majority makes.
 */
abstract sealed class Campaign implements RoleState permits ProspectiveState, CandidateState {
  final RaftNode node;
  final int epoch;
  private Ballot ballot;
  private long electionDeadline;
  private long retryAt;

  Campaign(RaftNode node, int epoch) {
    this.node = node;
    this.epoch = epoch;
  }

  /** The request this campaign sends to every voter that has not answered. */
  abstract RaftMessage request(RaftLog log);

  /** Asks {@link QuorumState} for the transition a majority earns. */
  abstract void onMajority();

  @Override
  public void enter() {
    ballot = new Ballot(node.ctx().self());
    electionDeadline = node.now() + node.randomElectionTimeout();
    if (!won()) {
      ask();
    }
  }

  /** Records a voter's answer; a majority of grants ends the campaign. */
  void onAnswer(int from, boolean granted) {
    ballot.record(from, granted);
    won();
  }

  private void ask() {
    RaftMessage m = request(node.log());
    for (int v = 0; v < node.config().voters(); v++) {
      int id = node.config().voterId(v);
      if (!ballot.hasAnswered(id)) {
        node.ctx().send(id, m);
      }
    }
    retryAt = node.now() + node.config().fetchMaxWaitMicros();
  }

  private boolean won() {
    if (ballot.grants() >= node.config().majority()) {
      onMajority();
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
