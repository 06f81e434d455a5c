package dev.faultline.scenarios.matrix;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.sweep.SeedOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * What one cell showed over its seeds, and whether that is what the cell expects.
 *
 * @param cell the cell
 * @param knobs its knobs, resolved
 * @param outcomes every seed's outcome
 * @param classes the classes each seed showed ({@link Observation})
 * @param schedules each seed's printed fault schedule, for pairing
 */
public record CellOutcome(
    MatrixCell cell,
    Knobs knobs,
    SortedMap<Long, SeedOutcome> outcomes,
    SortedMap<Long, SortedSet<String>> classes,
    SortedMap<Long, String> schedules) {

  public CellOutcome {
    outcomes = Collections.unmodifiableSortedMap(new TreeMap<>(outcomes));
    classes = Collections.unmodifiableSortedMap(new TreeMap<>(classes));
    schedules = Collections.unmodifiableSortedMap(new TreeMap<>(schedules));
  }

  /** The same runs judged as another cell of identical scenario and knobs. */
  CellOutcome as(MatrixCell other) {
    return new CellOutcome(other, knobs, outcomes, classes, schedules);
  }

  public int runs() {
    return outcomes.size();
  }

  /** Seeds in which some check failed. */
  public int failed() {
    return (int) outcomes.values().stream().filter(o -> o.status() == Verdict.Status.FAIL).count();
  }

  /** Seeds showing each class, by class. */
  public SortedMap<String, Integer> seedsByClass() {
    SortedMap<String, Integer> out = new TreeMap<>();
    for (SortedSet<String> s : classes.values()) {
      s.forEach(c -> out.merge(c, 1, Integer::sum));
    }
    return out;
  }

  /** The first seed that showed {@code cls}, or -1. */
  public long firstSeed(String cls) {
    for (Map.Entry<Long, SortedSet<String>> e : classes.entrySet()) {
      if (e.getValue().contains(cls)) {
        return e.getKey();
      }
    }
    return -1;
  }

  /**
   * Why the cell does not hold, one sentence per broken expectation with the command that replays a
   * seed; empty when it holds.
   */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    SortedMap<String, Integer> seen = seedsByClass();
    for (String m : cell.must()) {
      List<String> any = List.of(m.split("/"));
      if (any.stream().noneMatch(seen::containsKey)) {
        String what =
            any.size() == 1
                ? m + " never occurred"
                : "none of " + String.join(", ", any) + " occurred";
        out.add(
            what
                + " in "
                + runs()
                + " seeds (replay one: "
                + (outcomes.isEmpty() ? "-" : outcomes.get(outcomes.firstKey()).replay())
                + ")");
      }
    }
    for (String n : cell.never()) {
      if (seen.containsKey(n)) {
        out.add(
            n
                + " occurred in "
                + seen.get(n)
                + " seed(s) (replay the first: "
                + outcomes.get(firstSeed(n)).replay()
                + ")");
      }
    }
    return out;
  }

  /** Whether every expectation held. */
  public boolean holds() {
    return !outcomes.isEmpty() && problems().isEmpty();
  }
}
