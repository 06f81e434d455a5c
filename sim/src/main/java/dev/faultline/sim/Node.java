package dev.faultline.sim;

/**
 * A simulated process: a state machine driven by messages and timers.
 *
 * <p>The simulator owns the world. A node learns the time only from {@link NodeContext#nowMicros()}
 * (its own, possibly skewed, clock), acts only through its context (send, timers, disk, its random
 * stream), and never sees another node's object. Handlers run to completion: they must not block,
 * start threads, read a wall clock, draw unseeded randomness or do real I/O. A crash throws the
 * node object away; a restart builds a fresh one from the same factory, which recovers in {@link
 * #start} from what its disk synced.
 */
public interface Node {
  /**
   * Called when the node starts: first at its creation, again (on a fresh object) after every
   * restart. Recover from {@code ctx.disk()} here.
   */
  void start(NodeContext ctx);

  /** Called when a message from node {@code from} is delivered. */
  void onMessage(NodeContext ctx, int from, Message message);

  /** Called when a timer set with {@link NodeContext#setTimer} fires. */
  void onTimer(NodeContext ctx, Object tag);
}
