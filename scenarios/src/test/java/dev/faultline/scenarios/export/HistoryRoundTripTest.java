package dev.faultline.scenarios.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.HistoryCheck;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.cli.ExitCodes;
import dev.faultline.scenarios.cli.Faultline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario of the catalog that records a client history exports it so that {@code faultline
 * check FILE} gives the run's verdict, in both formats, on passing and failing runs.
 */
class HistoryRoundTripTest {
  @TempDir Path tmp;

  /** Failing runs the README names, so that a round trip of a violation is covered too. */
  private static final Map<String, List<Map<String, String>>> FAILING =
      Map.of(
          "raft-kv", List.of(Map.of("bug", "stale-leader-read")),
          "dynamo-kv", List.of(Map.of("quorum", "sloppy")),
          "kafka-produce", List.of(Map.of("acks", "1"), Map.of("acks", "1", "allow", "all")));

  private static final Map<String, Long> FAILING_SEED =
      Map.of("raft-kv", 1L, "dynamo-kv", 27L, "kafka-produce", 111L);

  private record Run(int code, String out, String err) {}

  private static Run faultline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Faultline.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everyScenarioWithAHistoryReChecksToTheRunsVerdictInBothFormats() throws IOException {
    List<String> statuses = new ArrayList<>();
    for (Scenario s : ScenarioRegistry.all()) {
      Optional<HistoryCheck> check = s.historyCheck(Knobs.resolve(s, Map.of()));
      if (check.isEmpty()) {
        continue;
      }
      List<RunSpec> runs = new ArrayList<>();
      runs.add(RunSpec.of(2, Knobs.resolve(s, Map.of())));
      for (Map<String, String> knobs : FAILING.getOrDefault(s.name(), List.of())) {
        runs.add(RunSpec.of(FAILING_SEED.get(s.name()), Knobs.resolve(s, knobs)));
      }
      for (RunSpec spec : runs) {
        ScenarioResult r = ScenarioRunner.run(s, spec);
        HistoryCheck c = s.historyCheck(spec.knobs()).orElseThrow();
        Verdict.Status want = Verdict.Status.valueOf(HistoryExport.verdictOf(r, c.check()));
        statuses.add(s.name() + " " + want);
        for (String ext : List.of(".edn", ".jsonl")) {
          Path file = tmp.resolve(s.name() + "-" + spec.seed() + "-" + statuses.size() + ext);
          HistoryExport.write(file, r, c);
          Run checked = faultline("check", file.toString());
          int expected =
              switch (want) {
                case PASS -> ExitCodes.OK;
                case FAIL -> ExitCodes.FAILED;
                case UNKNOWN -> ExitCodes.UNKNOWN;
              };
          assertEquals(
              expected,
              checked.code(),
              r.replayCommand()
                  + " gave "
                  + want
                  + "; check of "
                  + ext
                  + " said "
                  + checked.out()
                  + checked.err());
        }
      }
    }
    assertTrue(statuses.contains("raft-kv FAIL"), statuses.toString());
    assertTrue(statuses.contains("dynamo-kv FAIL"), statuses.toString());
    assertTrue(statuses.contains("kafka-produce FAIL"), statuses.toString());
    assertTrue(statuses.contains("kafka-produce PASS"), statuses.toString());
  }

  @Test
  void runWritesTheHistoryAndSaysHowToCheckIt() {
    Path file = tmp.resolve("raft.edn");
    Run r =
        faultline(
            "run",
            "raft-kv",
            "--seed",
            "3",
            "--set",
            "duration-ms=3000",
            "--history",
            file.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("history: " + file), r.out());
    Run checked = faultline("check", file.toString());
    assertEquals(ExitCodes.OK, checked.code(), checked.out() + checked.err());
    assertTrue(checked.err().contains("as the run that wrote it was"), checked.err());
  }

  @Test
  void sweepWritesOneHistoryPerSeed() {
    Path dir = tmp.resolve("histories");
    Run r =
        faultline(
            "sweep",
            "kafka-produce",
            "--seeds",
            "1..3",
            "--workers",
            "2",
            "--results",
            tmp.resolve("k.jsonl").toString(),
            "--histories",
            dir.toString(),
            "--history-format",
            "jsonl");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("histories: 3 file(s) in " + dir), r.out());
    Run checked = faultline("check", dir.toString());
    assertEquals(ExitCodes.OK, checked.code(), checked.out() + checked.err());
    assertEquals(3, checked.out().lines().filter(l -> l.contains(": PASS exactly-once")).count());
  }

  @Test
  void aScenarioWithoutAClientHistoryOrAFileOfNoKnownKindIsAUsageError() {
    for (String[] args :
        List.of(
            new String[] {"run", "counter", "--history", tmp.resolve("c.edn").toString()},
            new String[] {"run", "raft-kv", "--history", tmp.resolve("r.txt").toString()},
            new String[] {"sweep", "counter", "--seeds", "1..2", "--histories", tmp.toString()})) {
      Run r = faultline(args);
      assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
      String first = r.err().lines().findFirst().orElse("");
      assertTrue(first.startsWith("error: ") && first.endsWith("."), first);
      assertFalse(r.err().contains("Exception"), r.err());
    }
  }
}
