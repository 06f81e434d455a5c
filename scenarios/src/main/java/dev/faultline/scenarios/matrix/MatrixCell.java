package dev.faultline.scenarios.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One cell of the trade-off matrix: a scenario, its knobs (the configuration and the forced fault),
 * and the anomaly classes the cell must show in at least one seed and must show in none.
 *
 * <p>A class is a name a run reports: {@code anomaly.NAME} among its metrics, a failing check's
 * name or anomaly kind (an invariant's name, say), or one of {@link Observation}'s named signals
 * ({@code unavailable}, {@code siblings}, {@code fenced}). A must-show entry may name alternatives,
 * {@code G1a/lost}: the cell holds when any one of them occurs.
 *
 * @param group the pairing group, {@code SECTION/COLUMN} (say {@code kafka/leader-crash}): every
 *     cell of a group runs the same fault on the same seeds and is paired with the group's first
 *     cell, its baseline
 * @param label the configuration, short (say {@code acks=1})
 * @param scenario the scenario's name
 * @param knobs the knobs the cell sets
 * @param must classes (or alternatives joined by {@code /}) that must occur in at least one seed
 * @param never classes that must occur in no seed
 */
public record MatrixCell(
    String group,
    String label,
    String scenario,
    SortedMap<String, String> knobs,
    List<String> must,
    List<String> never) {

  public MatrixCell {
    knobs = new TreeMap<>(knobs);
    must = List.copyOf(must);
    never = List.copyOf(never);
  }

  /**
   * A cell from its line in {@link MatrixCells}: knobs as {@code k=v k=v}, expectations as {@code
   * +CLASS} (must show), {@code +A/B} (must show one of), {@code -CLASS} (must never show).
   */
  public static MatrixCell parse(
      String group, String label, String scenario, String knobs, String expect) {
    SortedMap<String, String> k = new TreeMap<>();
    for (String kv : knobs.strip().split("\\s+")) {
      if (kv.isEmpty()) {
        continue;
      }
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("cell " + group + "/" + label + ": knob '" + kv + "'");
      }
      k.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    List<String> must = new ArrayList<>();
    List<String> never = new ArrayList<>();
    for (String e : expect.strip().split("\\s+")) {
      if (e.length() < 2 || (e.charAt(0) != '+' && e.charAt(0) != '-')) {
        throw new IllegalArgumentException(
            "cell " + group + "/" + label + ": expectation '" + e + "'");
      }
      (e.charAt(0) == '+' ? must : never).add(e.substring(1));
    }
    return new MatrixCell(group, label, scenario, k, must, never);
  }

  /** {@code group/label}: what {@code --only} names and the table prints. */
  public String id() {
    return group + "/" + label;
  }

  /** The part of the group before its slash: {@code kafka}, {@code dynamo}, {@code raft}, ... */
  public String section() {
    int slash = group.indexOf('/');
    return slash < 0 ? group : group.substring(0, slash);
  }

  /** The expectations as written in the table: {@code +lost -duplicate}. */
  public String expectation() {
    List<String> parts = new ArrayList<>();
    must.forEach(m -> parts.add("+" + m));
    never.forEach(n -> parts.add("-" + n));
    return String.join(" ", parts);
  }
}
