package dev.faultline.models.raft;

/**
 * Asking the voters for a majority: what pre-vote ({@link ProspectiveState}) and a real election
 * ({@link CandidateState}) share. The node counts itself, asks every voter that has not answered,
 * asks again each retry interval, and gives up at the node's election deadline (drawn afresh when
 * the campaign began). The two differ in the request they send, in the transition a majority makes
 * and in what a lost round leads to.
 */
abstract sealed class Campaign implements RoleState permits ProspectiveState, CandidateState {
  final RaftNode node;
  final int epoch;
  private Ballot ballot;
  private long retryAt;

  Campaign(RaftNode node, int epoch) {
    this.node = node;
    this.epoch = epoch;
  }

  /** The request this campaign sends to every voter that has not answered. */
  abstract RaftMessage request(RaftLog log);

  /** Asks {@link QuorumState} for the transition a majority earns. */
  abstract void onMajority();

  /** Asks {@link QuorumState} for the transition a lost round leads to. */
  abstract void onLost(boolean refused);

  /** Whether the campaign has stopped asking (a candidate backing off). */
  boolean idle() {
    return false;
  }

  @Override
  public void enter() {
    ballot = new Ballot(node.ctx().self());
    if (!won()) {
      ask();
    }
  }

  /** Records a voter's answer; a majority of grants ends the campaign, and so may refusals. */
  void onAnswer(int from, boolean granted) {
    if (idle()) {
      return;
    }
    ballot.record(from, granted);
    if (!won() && ballot.lost(node.config().voters(), node.config().majority())) {
      onLost(true);
    }
  }

  private void ask() {
    RaftMessage m = request(node.log());
    for (int v = 0; v < node.config().voters(); v++) {
      int id = node.config().voterId(v);
      if (!ballot.hasAnswered(id)) {
        node.ctx().send(id, m);
      }
    }
    retryAt = node.now() + node.config().fetchRetryMicros();
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
    return Math.min(node.quorum().timer().deadline(), retryAt);
  }

  @Override
  public void onTick(long nowMicros) {
    if (nowMicros >= node.quorum().timer().deadline()) {
      onLost(false);
    } else if (nowMicros >= retryAt) {
      ask();
    }
  }
}
