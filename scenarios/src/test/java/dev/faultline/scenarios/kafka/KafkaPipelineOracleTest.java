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
import org.junit.jupiter.api.Test;

/**
 * The teaching cells of consumer-side delivery as assertions, each over {@code
 * kafka.pipeline.oracle.seeds} seeds (default 6 in the build; docs/kafka.md holds the 300-seed
 * sweeps) with its fault forced:
 *
 * <pre>
 * | commit            | sink       | fault                            | must show          |
 * | before-processing | none       | crash between process and commit | lost, no duplicate |
 * | after-processing  | none       | crash between process and commit | duplicated, no loss|
 * | auto              | none       | crash between process and commit | duplicated, no loss|
 * | transactional     | none       | crash between process and commit | neither            |
 * | transactional     | none       | zombie consumer                  | neither; fenced    |
 * | after-processing  | idempotent | crash between process and commit | neither            |
 * </pre>
 */
class KafkaPipelineOracleTest {
  private static final int SEEDS = Integer.getInteger("kafka.pipeline.oracle.seeds", 6);
  private static final KafkaPipelineScenario SCENARIO = new KafkaPipelineScenario();
  private static final String CRASH = "crash-between-process-and-commit";

  /** A cell: its knobs, what must occur in some seed, what must occur in none. */
  private record Cell(Map<String, String> knobs, List<String> some, List<String> never) {}

  private static List<Cell> cells() {
    return List.of(
        new Cell(
            Map.of("commit", "before-processing", "fault", CRASH),
            List.of("records.lost"),
            List.of("records.duplicated")),
        new Cell(
            Map.of("commit", "after-processing", "fault", CRASH),
            List.of("records.duplicated"),
            List.of("records.lost")),
        new Cell(
            Map.of("commit", "auto", "fault", CRASH),
            List.of("records.duplicated"),
            List.of("records.lost")),
        new Cell(
            Map.of("commit", "transactional", "fault", CRASH),
            List.of(),
            List.of("records.lost", "records.duplicated")),
        new Cell(
            Map.of("commit", "transactional", "fault", "zombie-consumer"),
            List.of("commits.failed"),
            List.of("records.lost", "records.duplicated")),
        new Cell(
            Map.of("commit", "after-processing", "sink", "idempotent", "fault", CRASH),
            List.of(),
            List.of("records.lost", "records.duplicated")));
  }

  @Test
  void everyTeachingCellShowsExactlyItsAnomalies() {
    List<String> problems = new ArrayList<>();
    StringBuilder summary = new StringBuilder("seeds (of " + SEEDS + ") showing each metric:\n");
    for (Cell c : cells()) {
      Map<String, String> knobs = new LinkedHashMap<>(c.knobs());
      knobs.put("allow", "lost,duplicate");
      Knobs k = Knobs.resolve(SCENARIO, knobs);
      Map<String, Integer> seen = new LinkedHashMap<>();
      Map<String, String> first = new LinkedHashMap<>();
      for (long seed = 1; seed <= SEEDS; seed++) {
        ScenarioResult r = ScenarioRunner.run(SCENARIO, RunSpec.of(seed, k));
        for (Verdict v : r.verdicts()) {
          if (v.status() != Verdict.Status.PASS) {
            problems.add(c.knobs() + " " + v.check() + ": " + v.summary() + "; " + replay(r));
          }
        }
        for (String m : List.of("records.lost", "records.duplicated", "commits.failed")) {
          if (r.metrics().getOrDefault(m, 0.0) > 0) {
            seen.merge(m, 1, Integer::sum);
            first.putIfAbsent(m, replay(r));
          }
        }
      }
      summary.append("  ").append(c.knobs()).append(": ").append(seen).append('\n');
      for (String m : c.some()) {
        if (!seen.containsKey(m)) {
          problems.add(c.knobs() + ": no seed of " + SEEDS + " with " + m);
        }
      }
      for (String m : c.never()) {
        if (seen.containsKey(m)) {
          problems.add(c.knobs() + ": " + m + " in " + seen.get(m) + " seeds; " + first.get(m));
        }
      }
    }
    System.out.print(summary);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static String replay(ScenarioResult r) {
    return "replay: " + r.replayCommand();
  }
}
