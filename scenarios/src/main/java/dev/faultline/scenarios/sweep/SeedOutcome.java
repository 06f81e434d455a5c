package dev.faultline.scenarios.sweep;

import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a sweep keeps of one seed's run: enough to summarise, compare and replay it. One line of a
 * results file.
 *
 * @param seed the seed
 * @param status pass, fail or unknown
 * @param failedChecks the names of the checks that did not pass, in the scenario's order
 * @param problem the first failing check's summary, or empty
 * @param replay the command that replays the run
 * @param traceHash the trace hash, or {@code -} when the simulation stopped early
 * @param metrics the run's metrics
 */
public record SeedOutcome(
    long seed,
    Verdict.Status status,
    List<String> failedChecks,
    String problem,
    String replay,
    String traceHash,
    SortedMap<String, Double> metrics) {

  public SeedOutcome {
    failedChecks = List.copyOf(failedChecks);
    metrics = new TreeMap<>(metrics);
  }

  public static SeedOutcome of(ScenarioResult r) {
    List<String> failed = new ArrayList<>();
    String problem = "";
    for (Verdict v : r.verdicts()) {
      if (v.status() != Verdict.Status.PASS) {
        failed.add(v.check());
        if (problem.isEmpty()) {
          problem = v.check() + ": " + v.summary();
        }
      }
    }
    SortedMap<String, Double> metrics = new TreeMap<>(r.metrics());
    metrics.putAll(ClientMetrics.of(r.history()));
    return new SeedOutcome(
        r.seed(),
        r.status(),
        failed,
        problem,
        r.replayCommand(),
        r.trace() == null ? "-" : r.trace().hashHex(),
        metrics);
  }
}
