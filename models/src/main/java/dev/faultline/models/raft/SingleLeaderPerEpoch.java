package dev.faultline.models.raft;

import dev.faultline.sim.Invariant;
import dev.faultline.sim.Simulation;
import java.util.Map;
import java.util.TreeMap;

/** No epoch ever has two leaders, at the same time or one after the other. */
public final class SingleLeaderPerEpoch implements Invariant {
  private final int first;
  private final int servers;
  private final Map<Integer, Integer> leaders = new TreeMap<>();
  private final int[] recordedEpoch;

  /** Checks nodes 0..servers-1. */
  public SingleLeaderPerEpoch(int servers) {
    this(0, servers);
  }

  /** Checks nodes first..first+servers-1 (voters that are not the first nodes). */
  public SingleLeaderPerEpoch(int first, int servers) {
    this.first = first;
    this.servers = servers;
    this.recordedEpoch = new int[servers];
    java.util.Arrays.fill(recordedEpoch, -1);
  }

  @Override
  public String name() {
    return "SingleLeaderPerEpoch";
  }

  @Override
  public String check(Simulation sim) {
    for (int j = 0; j < servers; j++) {
      int i = first + j;
      if (sim.node(i) instanceof RaftNode n && n.isLeader() && recordedEpoch[j] != n.epoch()) {
        recordedEpoch[j] = n.epoch();
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
