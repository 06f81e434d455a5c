package dev.faultline.sim;

/**
 * Everything a node may use to act on the world. One context per node slot, valid across the node's
 * incarnations; it allocates nothing per call.
 */
public interface NodeContext {
  /** This node's id: an index in [0, nodeCount). */
  int self();

  /** This node's name, as fault schedules and traces print it. */
  String name();

  /** The number of nodes in the simulation (servers and clients). */
  int nodeCount();

  /** The id of the node called {@code name}; throws if there is none. */
  int idOf(String name);

  /** The name of node {@code id}. */
  String nameOf(int id);

  /** Now, on this node's clock, in microseconds; skew and drift apply. */
  long nowMicros();

  /** Sends {@code message} to node {@code to}; the network may delay, drop or duplicate it. */
  void send(int to, Message message);

  /**
   * Fires {@link Node#onTimer} with {@code tag} after {@code delayMicros} of this node's clock.
   * Returns an id for {@link #cancelTimer}. A crash cancels every timer of the node.
   */
  long setTimer(long delayMicros, Object tag);

  /** Cancels a timer; a no-op if it already fired or was cancelled. */
  void cancelTimer(long timerId);

  /** This node's own random stream (stable across restarts of the simulation with one seed). */
  RandomStream random();

  /** This node's disk: what was synced survives a crash. */
  Disk disk();

  /** Records this node's role (leader, follower, ...) in the trace, for reports. */
  void setRole(String role);
}
