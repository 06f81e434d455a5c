package dev.faultline.models.raft;

/**
 * A node campaigning in its epoch: it has voted for itself (durably) and asks every voter. A
 * majority makes it leader; a timeout starts another round.
 */
final class CandidateState implements RoleState {
  private final RaftNode node;
  private final int epoch;
  private Ballot ballot;
  private long electionDeadline;
  private long retryAt;

  CandidateState(RaftNode node, int epoch) {
    this.node = node;
    this.epoch = epoch;
  }

  @Override
  public String name() {
    return "candidate";
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
        new RaftMessage.VoteRequest(epoch, node.ctx().self(), log.lastEpoch(), log.endOffset());
    for (int v = 0; v < node.config().voters(); v++) {
      if (!ballot.hasAnswered(v)) {
        node.ctx().send(v, m);
      }
    }
    retryAt = node.now() + node.config().fetchMaxWaitMicros();
  }

  void onVote(int from, boolean granted) {
    ballot.record(from, granted);
    won();
  }

  private boolean won() {
    if (ballot.grants() >= node.config().majority()) {
      node.quorum().toLeader();
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
