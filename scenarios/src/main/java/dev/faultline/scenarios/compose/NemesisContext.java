package dev.faultline.scenarios.compose;

import dev.faultline.scenarios.Knobs;
import dev.faultline.sim.RandomStream;
import dev.faultline.sim.Simulation;
import java.util.List;

/**
 * What a nemesis may use: the simulation to look at (never to apply faults to), the plane to strike
 * through, the servers it may aim at, its own random stream and the end of the fault phase.
 *
 * @param sim the simulation, to observe roles and state
 * @param plane where every fault goes
 * @param servers the fault targets, in id order
 * @param random the nemesis's own stream of the seed
 * @param faultEndMicros when the fault phase ends; every episode must be over by then
 * @param knobs the run's knobs
 */
public record NemesisContext(
    Simulation sim,
    FaultPlane plane,
    List<String> servers,
    RandomStream random,
    long faultEndMicros,
    Knobs knobs) {

  /** A draw from an exponential distribution with this mean, from the nemesis's stream. */
  public long exponential(long meanMicros) {
    return (long) (-meanMicros * StrictMath.log(1 - random.nextDouble()));
  }
}
