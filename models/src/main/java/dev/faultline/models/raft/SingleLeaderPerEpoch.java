package dev.faultline.models.raft;

import dev.faultline.sim.Invariant;
import dev.faultline.sim.Simulation;
import java.util.Map;
import java.util.TreeMap;

/** No epoch ever has two leaders, at the same time or one after the other. */
public final class SingleLeaderPerEpoch implements Invariant {
  private final int servers;
  private final Map<Integer, Integer> leaders = new TreeMap<>();

  /** Checks nodes 0..servers-1. */
  public SingleLeaderPerEpoch(int servers) {
    this.servers = servers;
  }

  @Override
  public String name() {
    return "SingleLeaderPerEpoch";
  }

  @Override
  public String check(Simulation sim) {
    for (int i = 0; i < servers; i++) {
      if (sim.node(i) instanceof RaftNode n && n.isLeader()) {
        Integer before = leaders.putIfAbsent(n.epoch(), i);
        if (before != null && before != i) {
          return sim.nameOf(before)
              + " and "
              + sim.nameOf(i)
              + " were both elected leader of epoch "
              + n.epoch();
        }
      }
    }
    return null;
  }
}
