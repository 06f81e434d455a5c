package dev.faultline.scenarios.matrix;

import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The anomaly classes one run showed, by the names a matrix cell uses. Read from what the scenarios
 * already report, so that the matrix judges a run as the oracle tests do:
 *
 * <ul>
 *   <li>{@code NAME} for every metric {@code anomaly.NAME} above zero (Kafka's {@code lost}, {@code
 *       duplicate}, {@code G1a}; Dynamo's {@code stale-read}, {@code lost-write});
 *   <li>a failing check's name and its anomaly kinds ({@code linearizable}, {@code invariants} and
 *       the invariant broken, such as {@code CommittedLogIntact}; {@code liveness});
 *   <li>{@code undecided} when a check could not decide;
 *   <li>{@code unavailable} when Kafka's {@code unavailable} metric is set (a send failed, was left
 *       indeterminate, or an outage outlasted the request timeout); {@code siblings} when a Dynamo
 *       read returned siblings; {@code fenced} when a transactional producer was fenced.
 * </ul>
 */
public final class Observation {
  /** Signals that are metrics but not named {@code anomaly.*}: class to metric. */
  private static final Map<String, String> SIGNALS =
      Map.of(
          "unavailable", "unavailable", "siblings", "siblings.reads", "fenced", "producers.fenced");

  private Observation() {}

  /** The classes {@code r} showed, sorted. */
  public static SortedSet<String> of(ScenarioResult r) {
    SortedSet<String> seen = new TreeSet<>();
    for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
      if (m.getKey().startsWith("anomaly.") && m.getValue() != null && m.getValue() > 0) {
        seen.add(m.getKey().substring("anomaly.".length()));
      }
    }
    for (Map.Entry<String, String> s : new java.util.TreeMap<>(SIGNALS).entrySet()) {
      if (r.metrics().getOrDefault(s.getValue(), 0.0) > 0) {
        seen.add(s.getKey());
      }
    }
    for (Verdict v : r.verdicts()) {
      if (v.status() == Verdict.Status.FAIL) {
        seen.add(v.check());
        seen.addAll(v.anomalies());
      } else if (v.status() == Verdict.Status.UNKNOWN) {
        seen.add("undecided");
      }
    }
    return seen;
  }
}
