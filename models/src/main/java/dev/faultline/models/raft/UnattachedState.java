package dev.faultline.models.raft;

/**
 * A voter that knows no leader in its epoch; it may have voted in it. When the node's election
 * deadline passes it campaigns (or asks for pre-votes first). The deadline belongs to {@link
 * QuorumState}: entering this role does not move it.
 */
final class UnattachedState implements RoleState {
  private final RaftNode node;
  private final int epoch;

  UnattachedState(RaftNode node, int epoch) {
    this.node = node;
    this.epoch = epoch;
  }

  @Override
  public String name() {
    return "unattached";
  }

  @Override
  public void enter() {}

  @Override
  public long nextDeadline() {
    return node.quorum().timer().deadline();
  }

  @Override
  public void onTick(long nowMicros) {
    if (nowMicros >= node.quorum().timer().deadline()) {
      node.quorum().onElectionTimeout();
    }
  }

  int epoch() {
    return epoch;
  }
}
