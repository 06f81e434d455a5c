package dev.faultline.models.raft;

import dev.faultline.sim.Invariant;
import dev.faultline.sim.Node;
import dev.faultline.sim.Simulation;

/**
 * A node's high watermark never goes back while it runs. (A restarted node starts again from zero,
 * as KRaft's does: the high watermark is not persisted but learned from the leader.)
 */
public final class MonotonicHighWatermark implements Invariant {
  private final int first;
  private final Node[] seen;
  private final long[] last;

  public MonotonicHighWatermark(int servers) {
    this(0, servers);
  }

  /** Checks nodes first..first+servers-1. */
  public MonotonicHighWatermark(int first, int servers) {
    this.first = first;
    this.seen = new Node[servers];
    this.last = new long[servers];
  }

  @Override
  public String name() {
    return "MonotonicHighWatermark";
  }

  @Override
  public String check(Simulation sim) {
    for (int i = 0; i < seen.length; i++) {
      if (!(sim.node(first + i) instanceof RaftNode n)) {
        continue;
      }
      long hw = n.highWatermark();
      if (seen[i] == n && hw < last[i]) {
        return sim.nameOf(first + i) + "'s high watermark went back from " + last[i] + " to " + hw;
      }
      seen[i] = n;
      last[i] = hw;
    }
    return null;
  }
}
