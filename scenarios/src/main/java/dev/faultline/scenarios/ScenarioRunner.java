package dev.faultline.scenarios;

import dev.faultline.sim.InvariantViolation;
import dev.faultline.sim.SimulationException;
import dev.faultline.sim.fault.FaultSchedule;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs a scenario and turns a simulation that stopped (a bound, a handler that threw) into a
 * verdict.
 */
public final class ScenarioRunner {
  private static final long VERDICT_TAG = 0x7665726469637473L;

  private ScenarioRunner() {}

  public static ScenarioResult run(Scenario scenario, RunSpec spec) {
    try {
      return withVerdictsHashed(scenario.run(spec));
    } catch (SimulationException e) {
      Throwable cause = e.getCause();
      Verdict v =
          Verdict.fail(
                  "simulation",
                  "the simulation stopped: " + e.getMessage(),
                  List.of("cause: " + (cause == null ? "-" : cause.toString())))
              .withAnomalies(
                  List.of(
                      cause instanceof InvariantViolation iv
                          ? iv.invariant()
                          : cause == null ? "bound" : cause.getClass().getSimpleName()));
      return new ScenarioResult(
          scenario.name(),
          spec.seed(),
          spec.knobs(),
          spec.schedule() == null ? FaultSchedule.empty() : spec.schedule(),
          null,
          e.timeMicros(),
          List.of(),
          List.of(v),
          new TreeMap<>(),
          List.of(),
          new TreeMap<>());
    }
  }

  /** Folds each verdict into the trace hash: a run that judged differently hashes differently. */
  private static ScenarioResult withVerdictsHashed(ScenarioResult r) {
    if (r.trace() != null) {
      for (Verdict v : r.verdicts()) {
        r.trace().absorb(VERDICT_TAG, List.of(v.check(), v.status().name(), v.summary()));
      }
    }
    return r;
  }
}
