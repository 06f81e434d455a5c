package dev.faultline.models.demo;

/**
 * The knobs of the gossip counter.
 *
 * @param servers how many counter nodes there are (ids 0..servers-1)
 * @param tickMicros how often each node increments its own count (its own clock)
 * @param gossipMicros how often each node sends its counts to every peer (its own clock)
 * @param syncEvery a node syncs its count to disk every this many increments
 * @param tickUntilMicros a node stops incrementing once its clock passes this
 * @param bugNoGossipAfterRestart the bug flag {@code no-gossip-after-restart}: a restarted node
 *     recovers its count but forgets to arm its gossip timer, so nobody hears of it again — a
 *     recovery-path mistake that only a crash followed by a restart reveals
 */
public record CounterConfig(
    int servers,
    long tickMicros,
    long gossipMicros,
    int syncEvery,
    long tickUntilMicros,
    boolean bugNoGossipAfterRestart) {

  public CounterConfig(
      int servers, long tickMicros, long gossipMicros, int syncEvery, long tickUntilMicros) {
    this(servers, tickMicros, gossipMicros, syncEvery, tickUntilMicros, false);
  }

  public CounterConfig {
    if (servers < 1 || tickMicros <= 0 || gossipMicros <= 0 || syncEvery < 1) {
      throw new IllegalArgumentException("counter knobs must be positive");
    }
  }
}
