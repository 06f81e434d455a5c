package dev.faultline.models.zk;

import dev.faultline.models.raft.RaftNode;
import dev.faultline.sim.Invariant;
import dev.faultline.sim.Simulation;

/**
 * Partition states in the store are written only by the controller of the current controller epoch:
 * a write from a deposed controller (a zombie, back from a pause after its session expired and a
 * new controller was elected) landing in the store is what KAFKA-6082's controller-epoch check
 * prevents. Checked on the ensemble's servers as they apply their logs.
 */
public final class OnlyTheControllerWrites implements Invariant {
  private final int first;
  private final int servers;

  public OnlyTheControllerWrites(int first, int servers) {
    this.first = first;
    this.servers = servers;
  }

  @Override
  public String name() {
    return "OnlyTheControllerWrites";
  }

  @Override
  public String check(Simulation sim) {
    for (int i = first; i < first + servers; i++) {
      if (sim.node(i) instanceof RaftNode n
          && n.application() instanceof ZkNode z
          && z.deposedWrites() > 0) {
        return sim.nameOf(i) + " applied a zombie controller's write: " + z.firstDeposedWrite();
      }
    }
    return null;
  }
}
