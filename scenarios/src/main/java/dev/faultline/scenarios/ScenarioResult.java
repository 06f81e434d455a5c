package dev.faultline.scenarios;

import dev.faultline.checker.history.Op;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.trace.Trace;
import java.util.List;
import java.util.SortedMap;

/**
 * What one run gives: its configuration, seed and trace hash, the history clients saw, each check's
 * verdict and the run's metrics.
 *
 * @param scenario the scenario's name
 * @param seed the root seed
 * @param knobs every knob with its value
 * @param schedule the fault schedule that ran
 * @param trace the trace (hash always; events too when the run asked for a full trace), or null
 *     when the simulation stopped before it could finish
 * @param simulatedMicros virtual time at the end of the run
 * @param history what clients saw, as checker operations
 * @param verdicts one per check
 * @param metrics named figures (operations, availability, latency percentiles, anomaly counts)
 * @param nodes the simulation's node names in id order (traces name nodes by id), or empty when the
 *     scenario did not say
 * @param processes the names of the history's processes, as their client nodes are named, by
 *     process id (empty when the scenario did not say)
 */
public record ScenarioResult(
    String scenario,
    long seed,
    Knobs knobs,
    FaultSchedule schedule,
    Trace trace,
    long simulatedMicros,
    List<Op> history,
    List<Verdict> verdicts,
    SortedMap<String, Double> metrics,
    List<String> nodes,
    SortedMap<Long, String> processes) {

  public ScenarioResult {
    history = List.copyOf(history);
    verdicts = List.copyOf(verdicts);
    metrics = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(metrics));
    nodes = List.copyOf(nodes);
    processes = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(processes));
  }

  /** FAIL if any check failed, else UNKNOWN if any was unknown, else PASS. */
  public Verdict.Status status() {
    Verdict.Status s = Verdict.Status.PASS;
    for (Verdict v : verdicts) {
      if (v.status() == Verdict.Status.FAIL) {
        return Verdict.Status.FAIL;
      }
      if (v.status() == Verdict.Status.UNKNOWN) {
        s = Verdict.Status.UNKNOWN;
      }
    }
    return s;
  }

  /**
   * The one command that replays this run exactly, when its schedule was generated from the seed (a
   * run given a schedule adds {@code --schedule FILE}).
   */
  public String replayCommand() {
    return Launcher.command() + " run " + scenario + " --seed " + seed + knobs.asSetFlags();
  }
}
