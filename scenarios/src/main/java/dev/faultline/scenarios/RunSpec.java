package dev.faultline.scenarios;

import dev.faultline.sim.fault.FaultSchedule;

/**
 * What one run of a scenario needs: a seed, the knobs, and optionally a fault schedule to use
 * instead of the generated one (a saved or shrunk schedule).
 *
 * @param seed the root seed
 * @param knobs resolved knobs
 * @param schedule the fault schedule to replay, or null to generate one from the seed and knobs
 * @param fullTrace keep every trace event (reports need them; sweeps do not)
 */
public record RunSpec(long seed, Knobs knobs, FaultSchedule schedule, boolean fullTrace) {
  public static RunSpec of(long seed, Knobs knobs) {
    return new RunSpec(seed, knobs, null, false);
  }

  public RunSpec withSchedule(FaultSchedule s) {
    return new RunSpec(seed, knobs, s, fullTrace);
  }

  public RunSpec withFullTrace(boolean f) {
    return new RunSpec(seed, knobs, schedule, f);
  }
}
