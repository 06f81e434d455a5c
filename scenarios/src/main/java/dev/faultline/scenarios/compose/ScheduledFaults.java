package dev.faultline.scenarios.compose;

import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.fault.TimedFault;

/**
 * A nemesis that strikes a schedule fixed before the run (a forced fault a scenario aims from the
 * seed, say), through the plane like every other.
 */
public final class ScheduledFaults implements Nemesis {
  private final String name;
  private final FaultSchedule schedule;

  public ScheduledFaults(String name, FaultSchedule schedule) {
    this.name = name;
    this.schedule = schedule;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void start(NemesisContext ctx) {
    for (TimedFault f : schedule.faults()) {
      ctx.plane().at(f.atMicros(), f.fault());
    }
  }
}
