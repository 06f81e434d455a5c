package dev.faultline.scenarios.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.cli.Faultline;
import dev.faultline.scenarios.compare.MetricDistribution;
import dev.faultline.scenarios.sweep.SeedOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * raft-election, the Raft paper's Figure 16 experiment: the shape of its results (the full
 * 1,000-seed figures are measured in docs/raft.md), and compare's distribution table and CDFs.
 */
class RaftElectionScenarioTest {
  private static final Scenario SCENARIO = new RaftElectionScenario();

  @TempDir Path dir;

  private static ScenarioResult run(long seed, Map<String, String> knobs) {
    return ScenarioRunner.run(SCENARIO, RunSpec.of(seed, Knobs.resolve(SCENARIO, knobs)));
  }

  private static MetricDistribution downtimes(String range, String timers, long seeds) {
    List<SeedOutcome> outcomes = new ArrayList<>();
    for (long seed = 1; seed <= seeds; seed++) {
      ScenarioResult r =
          run(seed, Map.of("election-timeout-ms", range, "timers", timers, "duration-ms", "4000"));
      assertEquals(
          Verdict.Status.PASS,
          r.status(),
          () -> "failed: " + r.replayCommand() + " " + r.verdicts());
      outcomes.add(SeedOutcome.of(r));
    }
    return MetricDistribution.of("downtime.ms", range, outcomes);
  }

  @Test
  void aCrashedLeaderIsReplacedNoSoonerThanHalfTheMinimumTimeoutAndWithinASecond() {
    MetricDistribution d = downtimes("150..300", "raft", 40);
    assertEquals(40, d.count());
    // The crash falls within a heartbeat (half the minimum timeout) after the last heartbeat.
    assertTrue(d.percentile(0) >= 75, "shortest downtime " + d.percentile(0));
    assertTrue(d.max() < 1_000, "longest downtime " + d.max());
  }

  @Test
  void aNarrowTimeoutRangeSplitsVotesAndTakesLongerThanABroadOne() {
    double narrow = downtimes("150..155", "raft", 40).percentile(50);
    double broad = downtimes("150..300", "raft", 40).percentile(50);
    assertTrue(narrow > broad, "median 150..155 " + narrow + " ms vs 150..300 " + broad + " ms");
  }

  @Test
  void withEqualTimeoutsEveryElectionSplitsUntilTheLimitButKraftBackoffEndsIt() {
    Map<String, String> equal =
        Map.of("election-timeout-ms", "150..150", "trial-limit-ms", "2000", "duration-ms", "4000");
    for (long seed = 1; seed <= 5; seed++) {
      ScenarioResult r = run(seed, equal);
      assertEquals(2_000.0, r.metrics().get("downtime.ms"), r.replayCommand());
      assertEquals(Verdict.Status.FAIL, r.status(), r.replayCommand());
    }
    MetricDistribution kraft = downtimes("150..150", "kraft", 10);
    assertTrue(kraft.max() < 2_000, "KRaft's random backoff breaks the tie: " + kraft.max());
  }

  @Test
  void compareRaftElectionPrintsEachRangesDowntimeMedianP99AndMaxAndDrawsTheCdfs()
      throws Exception {
    StringWriter out = new StringWriter();
    int code =
        Faultline.execute(
            new String[] {
              "compare",
              "raft-election",
              "--seeds",
              "1..6",
              "--workers",
              "1",
              "--set",
              "duration-ms=3000",
              "--vary",
              "election-timeout-ms=150..155,150..300",
              "--report",
              dir.toString()
            },
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    String text = out.toString();
    assertEquals(0, code, text);
    assertTrue(
        text.lines().anyMatch(l -> l.matches("downtime\\.ms +samples +median +p99 +max +mean")),
        text);
    assertTrue(
        text.lines()
            .anyMatch(l -> l.startsWith("election-timeout-ms=150..300") && l.contains("  6  ")),
        text);
    String html = Files.readString(dir.resolve("index.html"));
    assertTrue(html.contains("id=\"fig-cdf-1\""), "the CDF figure");
    assertTrue(html.contains("Distribution of downtime.ms"), "the distribution section");
  }
}
