package dev.faultline.scenarios.compose;

import dev.faultline.checker.history.Op;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.sim.InvariantViolation;
import dev.faultline.sim.Simulation;
import java.util.List;

/**
 * A finished run, as checkers see it.
 *
 * @param spec what was run
 * @param sim the simulation, stopped
 * @param history what clients saw, as checker operations
 * @param healMicros when the fault phase ended and every fault was healed
 * @param livenessEndMicros the end of the liveness window
 * @param live whether the scenario's liveness condition held before the window closed (true when it
 *     set none)
 * @param violation the invariant that broke, which stopped the run early; or null
 */
public record Outcome(
    RunSpec spec,
    Simulation sim,
    List<Op> history,
    long healMicros,
    long livenessEndMicros,
    boolean live,
    InvariantViolation violation) {

  /** Whether the run went through both phases (no invariant stopped it). */
  public boolean completed() {
    return violation == null;
  }

  /** Milliseconds from the heal to the end of the run. */
  public double msSinceHeal() {
    return (sim.nowMicros() - healMicros) / 1000.0;
  }
}
