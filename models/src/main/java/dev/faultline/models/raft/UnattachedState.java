package dev.faultline.models.raft;

/**
 * A voter that knows no leader in its epoch; it may have voted in it. When its randomized election
 * timeout runs out it campaigns (or asks for pre-votes first).
 */
final class UnattachedState implements RoleState {
  private final RaftNode node;
  private final int epoch;
  private long electionDeadline;

  UnattachedState(RaftNode node, int epoch) {
    this.node = node;
    this.epoch = epoch;
  }

  @Override
  public String name() {
    return "unattached";
  }

  @Override
  public void enter() {
    electionDeadline = node.now() + node.randomElectionTimeout();
  }

  @Override
  public long nextDeadline() {
    return electionDeadline;
  }

  @Override
  public void onTick(long nowMicros) {
    if (nowMicros >= electionDeadline) {
      node.quorum().onElectionTimeout();
    }
  }

  int epoch() {
    return epoch;
  }
}
