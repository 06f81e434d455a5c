package dev.faultline.scenarios;

import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import java.util.List;

/** Helpers for the phases every scenario shares: faults, then heal, then liveness. */
public final class Phases {
  private Phases() {}

  /**
   * Ends every fault now: heals the network, stops loss, duplication, jitter and clogging, trues
   * every clock, resumes paused servers and restarts crashed ones. The liveness phase starts here.
   */
  public static void healAll(Simulation sim, List<String> servers) {
    sim.apply(new Fault.Heal());
    sim.apply(new Fault.Unclog());
    sim.apply(new Fault.Loss(0));
    sim.apply(new Fault.Duplicate(0));
    sim.apply(new Fault.Jitter(0));
    for (String s : servers) {
      sim.apply(new Fault.Resume(s));
      sim.apply(new Fault.Restart(s));
    }
  }
}
