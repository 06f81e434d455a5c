package dev.faultline.models.raft;

/**
 * What a node does in one role for one epoch. A role never changes the node's role itself: it asks
 * {@link QuorumState}, the only place a transition happens.
 */
sealed interface RoleState permits UnattachedState, Campaign, LeaderState, FollowerState {
  /** The role's name, as the trace and reports show it. */
  String name();

  /** Called once the role is in place: send what the role starts with. */
  void enter();

  /** The earliest local time at which {@link #onTick} has something to do. */
  long nextDeadline();

  /** Handles every deadline that has passed by {@code nowMicros}. */
  void onTick(long nowMicros);

  /** The leader this node knows in its epoch, or -1. */
  default int leader() {
    return -1;
  }
}
