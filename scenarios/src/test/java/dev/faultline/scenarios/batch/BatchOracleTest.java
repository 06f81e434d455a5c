package dev.faultline.scenarios.batch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The oracle table of docs/batch.md, as assertions: over {@code SEEDS} seeds per cell (300 in the
 * table's measured figures; fewer here to keep the build short), with the shared fault generator
 * on, an anomaly a cell does not list never occurs, every anomaly it lists occurs in some seed, and
 * every run's liveness check passes. Seeds run on a few threads; each simulation stays on one.
 */
class BatchOracleTest {
  private static final int SEEDS = Integer.getInteger("batch.seeds", 100);
  private static final int THREADS =
      Integer.getInteger("batch.threads", Math.max(1, Runtime.getRuntime().availableProcessors()));

  /** Knobs (space-separated, may be empty) to the anomaly kinds the cell must show, and only. */
  private static final SortedMap<String, List<String>> TABLE = new TreeMap<>();

  static {
    TABLE.put("", List.of());
    TABLE.put("write=append", List.of("duplicate"));
    TABLE.put("fault=crash-during-write", List.of());
    TABLE.put("fault=crash-during-write write=append", List.of("duplicate"));
    TABLE.put("fault=zombie-worker", List.of());
    TABLE.put("fault=zombie-worker write=append", List.of("duplicate"));
    TABLE.put("fault=scheduler-downtime", List.of());
    TABLE.put("fault=scheduler-downtime catchup=false", List.of("missing"));
    TABLE.put("backfill=3..5", List.of());
    TABLE.put("backfill=3..5 write=append", List.of("duplicate"));
    TABLE.put("late-ms=300", List.of());
    TABLE.put("late-ms=300 wait-for-input=false", List.of("missing"));
    TABLE.put("bug=read-by-wall-clock", List.of("foreign", "missing"));
    TABLE.put("retries=0", List.of("missing"));
  }

  @Test
  void everyCellOfTheOracleTableShowsExactlyItsAnomalies() throws Exception {
    BatchBackfillScenario scenario = new BatchBackfillScenario();
    List<String> problems = new ArrayList<>();
    StringBuilder table = new StringBuilder();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      // Every run is queued first, so that no thread waits for the slowest seed of a cell.
      Map<String, List<Future<ScenarioResult>>> runs = new TreeMap<>();
      for (String cell : TABLE.keySet()) {
        Knobs knobs = Knobs.resolve(scenario, parse(cell));
        List<Future<ScenarioResult>> seeds = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
          RunSpec spec = RunSpec.of(seed, knobs);
          seeds.add(pool.submit(() -> ScenarioRunner.run(scenario, spec)));
        }
        runs.put(cell, seeds);
      }
      for (var e : TABLE.entrySet()) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        SortedMap<String, String> first = new TreeMap<>();
        for (Future<ScenarioResult> f : runs.get(e.getKey())) {
          ScenarioResult r = f.get();
          for (Verdict v : r.verdicts()) {
            if (v.check().equals("interval-output")) {
              for (String kind :
                  v.status() == Verdict.Status.PASS ? List.<String>of() : v.kinds()) {
                counts.merge(kind, 1, Integer::sum);
                first.putIfAbsent(kind, r.replayCommand());
              }
            } else if (v.status() != Verdict.Status.PASS) {
              problems.add(
                  e.getKey() + ": " + v.check() + " " + v.summary() + "; " + r.replayCommand());
            }
          }
        }
        judge(e.getKey(), e.getValue(), counts, first, problems);
        table.append(
            String.format("%-45s %s%n", e.getKey().isEmpty() ? "(defaults)" : e.getKey(), counts));
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println(table);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static void judge(
      String cell,
      List<String> expected,
      SortedMap<String, Integer> counts,
      SortedMap<String, String> first,
      List<String> problems) {
    SortedSet<String> kinds = new TreeSet<>(IntervalCheck.KINDS);
    for (String kind : kinds) {
      boolean seen = counts.containsKey(kind);
      if (seen && !expected.contains(kind)) {
        problems.add(cell + ": " + kind + " occurred; replay: " + first.get(kind));
      } else if (!seen && expected.contains(kind)) {
        problems.add(cell + ": " + kind + " never occurred in " + SEEDS + " seeds");
      }
    }
  }

  private static Map<String, String> parse(String cell) {
    Map<String, String> knobs = new TreeMap<>();
    for (String kv : cell.split(" ")) {
      if (!kv.isBlank()) {
        knobs.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      }
    }
    return knobs;
  }
}
