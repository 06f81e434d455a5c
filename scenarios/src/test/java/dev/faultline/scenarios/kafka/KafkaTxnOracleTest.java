package dev.faultline.scenarios.kafka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The teaching cells of Kafka's transactions as assertions, each over {@code
 * kafka.txn.oracle.seeds} seeds (default 300) with its fault forced. To keep the suite short every
 * cell runs a 1.5 s fault phase with {@code transaction.timeout.ms=500} (the final read starts 0.8
 * s after the heal), except the version 0 cell: there the timeout stays 1000 ms, longer than the
 * 800 ms a delayed request is held up, or the coordinator would fence the producer before the late
 * copy lands.
 *
 * <pre>
 * | configuration                       | fault                               | anomalies           |
 * | transaction.version=2, read_committed | generated, leader crash, isolation, | none               |
 * |                                     | loss, duplicates, timeout-retry,    |                     |
 * |                                     | coordinator crash, delayed requests |                     |
 * | transaction.version=2, read_committed | zombie producer                   | none; it is fenced  |
 * | transaction.version=0               | delayed requests                    | G1a, lost or torn   |
 * | read_uncommitted                    | leader crash                        | G1a                 |
 * </pre>
 */
class KafkaTxnOracleTest {
  private static final int SEEDS = Integer.getInteger("kafka.txn.oracle.seeds", 300);
  private static final KafkaTxnScenario SCENARIO = new KafkaTxnScenario();
  private static final Map<String, String> SHORT =
      Map.of("duration-ms", "1500", "transaction.timeout.ms", "500", "liveness-ms", "2500");
  private static final List<String> CLASSES =
      List.of(
          "lost",
          "duplicate",
          "G1a",
          "torn-transaction",
          "zombie-write",
          "nonmonotonic-lso",
          "reorder",
          "other");

  /**
   * One cell: knobs, and the anomaly classes of which at least one must occur ({@code oneOf};
   * empty: none may). {@code fenced}: some producer must be fenced.
   */
  private record Cell(String name, Map<String, String> knobs, List<String> oneOf, boolean fenced) {}

  private static List<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    for (String f :
        List.of(
            "generated",
            "leader-crash",
            "leader-isolated",
            "loss",
            "duplicate",
            "timeout-retry",
            "coordinator-crash",
            "delayed-txn-request")) {
      cells.add(new Cell("TV2, read_committed / " + f, Map.of("fault", f), List.of(), false));
    }
    cells.add(
        new Cell(
            "TV2, read_committed / zombie-producer",
            Map.of("fault", "zombie-producer"),
            List.of(),
            true));
    cells.add(
        new Cell(
            "TV0 / delayed-txn-request",
            Map.of(
                "transaction.version",
                "0",
                "fault",
                "delayed-txn-request",
                "transaction.timeout.ms",
                "1000"),
            List.of("G1a", "lost", "torn-transaction"),
            false));
    cells.add(
        new Cell(
            "read_uncommitted / leader-crash",
            Map.of("isolation.level", "read_uncommitted", "fault", "leader-crash"),
            List.of("G1a"),
            false));
    return cells;
  }

  /** What one cell showed: seeds per class, fenced seeds, broken checks, first offenders. */
  private static final class Tally {
    final Map<String, Integer> seen = new LinkedHashMap<>();
    final Map<String, String> firstReplay = new LinkedHashMap<>();
    final List<String> broken = new ArrayList<>();
  }

  @Test
  void everyTeachingCellShowsExactlyItsAnomalies() throws Exception {
    List<Cell> cells = cells();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Tally>> tallies = new ArrayList<>();
    for (Cell c : cells) {
      tallies.add(pool.submit(() -> run(c)));
    }
    List<String> problems = new ArrayList<>();
    StringBuilder summary = new StringBuilder("seeds (of " + SEEDS + ") showing each class:\n");
    for (int i = 0; i < cells.size(); i++) {
      Tally t = tallies.get(i).get();
      problems.addAll(judge(cells.get(i), t));
      summary.append("  ").append(cells.get(i).name()).append(": ").append(t.seen).append('\n');
    }
    System.out.print(summary);
    pool.shutdown();
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static Tally run(Cell c) {
    Map<String, String> knobs = new LinkedHashMap<>(SHORT);
    knobs.putAll(c.knobs());
    if (!c.oneOf().isEmpty()) {
      knobs.put("allow", String.join(",", CLASSES.subList(0, CLASSES.size() - 1)));
    }
    Knobs k = Knobs.resolve(SCENARIO, knobs);
    Tally t = new Tally();
    for (long seed = 1; seed <= SEEDS; seed++) {
      ScenarioResult r = ScenarioRunner.run(SCENARIO, RunSpec.of(seed, k));
      for (Verdict v : r.verdicts()) {
        if (v.status() != Verdict.Status.PASS && !v.check().equals("delivery")) {
          t.broken.add(v.check() + ": " + v.summary() + "\n    replay: " + r.replayCommand());
        }
      }
      for (String cls : CLASSES) {
        if (r.metrics().getOrDefault("anomaly." + cls, 0.0) > 0) {
          t.seen.merge(cls, 1, Integer::sum);
          t.firstReplay.putIfAbsent(cls, r.replayCommand());
        }
      }
      if (r.metrics().getOrDefault("producers.fenced", 0.0) > 0) {
        t.seen.merge("fenced", 1, Integer::sum);
      }
    }
    return t;
  }

  private static List<String> judge(Cell c, Tally t) {
    List<String> out = new ArrayList<>();
    String where = "[" + c.name() + "] ";
    t.broken.forEach(b -> out.add(where + b));
    for (String cls : CLASSES) {
      int seeds = t.seen.getOrDefault(cls, 0);
      boolean expected = c.oneOf().contains(cls);
      if (seeds > 0 && !expected) {
        out.add(where + cls + " in " + seeds + " seeds, first: " + t.firstReplay.get(cls));
      }
    }
    if (!c.oneOf().isEmpty() && c.oneOf().stream().allMatch(cls -> !t.seen.containsKey(cls))) {
      out.add(where + "none of " + c.oneOf() + " in " + SEEDS + " seeds");
    }
    if (c.fenced() && !t.seen.containsKey("fenced")) {
      out.add(where + "no producer was fenced in " + SEEDS + " seeds");
    }
    return out;
  }
}
