package dev.faultline.models.raft;

import java.util.Locale;

/**
 * Which rules drive the timers that start elections. Both are faithful to a source; they differ in
 * who notices a dead leader first and how a split vote is broken.
 */
public enum Timers {
  /**
   * Kafka's KRaft: a follower campaigns when no fetch has succeeded for a fixed fetch timeout; the
   * randomized election timeout runs only once a node is unattached, prospective or a candidate; a
   * candidate whose election fails backs off for a random, binary-exponential while before it tries
   * again (without pre-vote) or goes back to pre-vote (with it).
   */
  KRAFT,
  /**
   * The Raft paper's Figure 2: one randomized election timeout, drawn afresh from the configured
   * range whenever it is reset, reset only by a heartbeat or entries from the current leader and by
   * granting a vote; the leader sends a heartbeat every heartbeat interval; a candidate whose
   * election times out starts the next one at once.
   */
  RAFT;

  /** The knob spelling: {@code kraft} or {@code raft}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The timers a knob value names; throws IllegalArgumentException for an unknown one. */
  public static Timers fromLabel(String label) {
    return valueOf(label.strip().toUpperCase(Locale.ROOT));
  }
}
