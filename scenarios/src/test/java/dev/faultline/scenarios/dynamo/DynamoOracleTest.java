package dev.faultline.scenarios.dynamo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The oracle table of docs/dynamo.md, as assertions: over {@code SEEDS} seeds per cell, an anomaly
 * the table does not list never occurs, and every anomaly it lists occurs in at least one seed.
 * Seeds run on a few threads; each simulation stays on one.
 */
class DynamoOracleTest {
  private static final int SEEDS = Integer.getInteger("dynamo.seeds", 300);
  private static final int THREADS =
      Integer.getInteger("dynamo.threads", Math.max(1, Runtime.getRuntime().availableProcessors()));

  /** What a run can show: S stale read, L lost write, U unavailable, and siblings. */
  enum Seen {
    S,
    L,
    U,
    SIBLINGS
  }

  private record Row(String name, Map<String, String> knobs, Map<FaultMode, EnumSet<Seen>> cells) {}

  private static final List<FaultMode> COLUMNS =
      List.of(
          FaultMode.REPLICA_CRASH,
          FaultMode.PARTITION,
          FaultMode.CONCURRENT_WRITES,
          FaultMode.CLOCK_SKEW);

  private static Row row(String name, String knobs, String... cells) {
    Map<String, String> k = new TreeMap<>();
    for (String kv : knobs.split(" ")) {
      k.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
    }
    Map<FaultMode, EnumSet<Seen>> c = new EnumMap<>(FaultMode.class);
    for (int i = 0; i < COLUMNS.size(); i++) {
      EnumSet<Seen> s = EnumSet.noneOf(Seen.class);
      for (String part : cells[i].split(",")) {
        if (!part.isBlank() && !part.equals("none")) {
          s.add(Seen.valueOf(part.strip().toUpperCase(java.util.Locale.ROOT)));
        }
      }
      c.put(COLUMNS.get(i), s);
    }
    return new Row(name, k, c);
  }

  /**
   * Columns: one replica crashed, 1|2 partition with clients both sides, concurrent writes, skew.
   */
  private static final List<Row> TABLE =
      List.of(
          row(
              "N=3 R=2 W=2 strict, vector clocks",
              "quorum=strict versioning=vclock",
              "none",
              "u,siblings",
              "siblings",
              "none"),
          row(
              "N=3 R=2 W=2 sloppy, vector clocks",
              "quorum=sloppy versioning=vclock",
              "none",
              "s,siblings",
              "siblings",
              "none"),
          row("N=3 R=2 W=2 sloppy, LWW", "quorum=sloppy versioning=lww", "none", "s,l", "l", "s,l"),
          row(
              "N=3 R=1 W=1 sloppy, vector clocks",
              "quorum=sloppy versioning=vclock r=1 w=1",
              "s",
              "s,siblings",
              "s,siblings",
              "s"),
          row(
              "N=3 R=1 W=1 sloppy, LWW",
              "quorum=sloppy versioning=lww r=1 w=1",
              "s",
              "s,l",
              "s,l",
              "s,l"));

  @Test
  void everyCellOfTheOracleTableShowsExactlyItsAnomalies() throws Exception {
    List<String> problems = new ArrayList<>();
    StringBuilder table = new StringBuilder();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      // Every run is queued first, so that no thread waits for the slowest seed of a cell.
      Map<String, List<Future<Map<Seen, Boolean>>>> runs = new TreeMap<>();
      for (Row row : TABLE) {
        for (FaultMode col : COLUMNS) {
          Knobs knobs = knobs(row, col);
          List<Future<Map<Seen, Boolean>>> cell = new ArrayList<>();
          for (long seed = 1; seed <= SEEDS; seed++) {
            RunSpec spec = RunSpec.of(seed, knobs);
            cell.add(pool.submit(() -> observe(spec, problems)));
          }
          runs.put(row.name() + " / " + col.label(), cell);
        }
      }
      for (Row row : TABLE) {
        table.append(String.format("%-40s", row.name()));
        for (FaultMode col : COLUMNS) {
          String cell = row.name() + " / " + col.label();
          Map<Seen, Integer> counts = new EnumMap<>(Seen.class);
          Map<Seen, Long> firstSeed = new EnumMap<>(Seen.class);
          List<Future<Map<Seen, Boolean>>> seeds = runs.get(cell);
          for (int i = 0; i < seeds.size(); i++) {
            for (Map.Entry<Seen, Boolean> e : seeds.get(i).get().entrySet()) {
              if (e.getValue()) {
                counts.merge(e.getKey(), 1, Integer::sum);
                firstSeed.putIfAbsent(e.getKey(), i + 1L);
              }
            }
          }
          judge(cell, row.cells().get(col), counts, firstSeed, knobs(row, col), problems);
          table.append(String.format(" | %-26s", counts));
        }
        table.append('\n');
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println(table);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static Knobs knobs(Row row, FaultMode col) {
    Map<String, String> knobs = new TreeMap<>(row.knobs());
    knobs.put("fault", col.label());
    return Knobs.resolve(new DynamoScenario(), knobs);
  }

  private static void judge(
      String cell,
      EnumSet<Seen> expected,
      Map<Seen, Integer> counts,
      Map<Seen, Long> firstSeed,
      Knobs knobs,
      List<String> problems) {
    for (Seen s : Seen.values()) {
      boolean seen = counts.containsKey(s);
      if (seen && !expected.contains(s)) {
        problems.add(
            cell
                + ": "
                + s
                + " occurred (first in seed "
                + firstSeed.get(s)
                + "; replay: ./faultline run dynamo-kv --seed "
                + firstSeed.get(s)
                + knobs.asSetFlags()
                + ")");
      } else if (!seen && expected.contains(s)) {
        problems.add(cell + ": " + s + " never occurred in " + SEEDS + " seeds");
      }
    }
  }

  private static Map<Seen, Boolean> observe(RunSpec spec, List<String> problems) {
    ScenarioResult r = ScenarioRunner.run(new DynamoScenario(), spec);
    Map<Seen, Boolean> seen = new EnumMap<>(Seen.class);
    for (Verdict v : r.verdicts()) {
      boolean anomalyCheck = v.check().equals("linearizable") || v.check().equals("lost-writes");
      if (!anomalyCheck && v.status() != Verdict.Status.PASS) {
        synchronized (problems) {
          problems.add(
              v.check() + " " + v.status() + ": " + v.summary() + "; " + r.replayCommand());
        }
      }
      if (v.check().equals("linearizable") && v.status() == Verdict.Status.UNKNOWN) {
        synchronized (problems) {
          problems.add("linearizability unknown: " + v.summary() + "; " + r.replayCommand());
        }
      }
    }
    seen.put(Seen.S, r.metrics().getOrDefault("anomaly.stale-read", 0.0) > 0);
    seen.put(Seen.L, r.metrics().getOrDefault("anomaly.lost-write", 0.0) > 0);
    seen.put(Seen.U, r.metrics().getOrDefault("anomaly.unavailable", 0.0) > 0);
    seen.put(Seen.SIBLINGS, r.metrics().getOrDefault("siblings.reads", 0.0) > 0);
    return seen;
  }
}
