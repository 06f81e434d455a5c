package dev.faultline.scenarios.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RaftKvScenarioTest {
  private static final Scenario SCENARIO = new RaftKvScenario();

  static ScenarioResult run(long seed, Map<String, String> knobs) {
    return ScenarioRunner.run(SCENARIO, RunSpec.of(seed, Knobs.resolve(SCENARIO, knobs)));
  }

  private static Verdict verdict(ScenarioResult r, String check) {
    return r.verdicts().stream().filter(v -> v.check().equals(check)).findFirst().orElseThrow();
  }

  private static String describe(ScenarioResult r) {
    StringBuilder sb = new StringBuilder();
    for (Verdict v : r.verdicts()) {
      sb.append(v.status()).append(' ').append(v.check()).append(": ").append(v.summary());
      sb.append('\n');
    }
    return sb.append("replay: ").append(r.replayCommand()).toString();
  }

  @Test
  void theCorrectProtocolPassesEverySeedUnderTheDefaultFaults() {
    for (long seed = 1; seed <= 50; seed++) {
      ScenarioResult r = run(seed, Map.of());
      if (r.status() != Verdict.Status.PASS) {
        System.out.println("raft-kv seed " + seed + " failed:\n" + describe(r));
      }
      assertEquals(Verdict.Status.PASS, r.status(), () -> describe(r));
    }
  }

  @Test
  void theSameSeedReplaysToTheSameTraceHashAndHistory() {
    ScenarioResult a = run(11, Map.of());
    ScenarioResult b = run(11, Map.of());
    assertEquals(a.trace().hashHex(), b.trace().hashHex());
    assertEquals(a.history(), b.history());
    assertEquals(a.schedule(), b.schedule());
  }

  @Test
  void afterTheHealALeaderServesEveryClientWithinTheLivenessWindow() {
    ScenarioResult r = run(5, Map.of("duration-ms", "10000"));
    Verdict live = verdict(r, "liveness");
    assertEquals(Verdict.Status.PASS, live.status(), () -> describe(r));
    double ms = r.metrics().get("liveness.ms");
    assertTrue(ms >= 0 && ms <= 5_000, "served " + ms + " ms after the heal");
  }

  @Test
  void theLivenessCheckFailsWhenNoLeaderIsEverElected() {
    ScenarioResult r =
        run(
            5,
            Map.of(
                "duration-ms",
                "1000",
                "liveness-ms",
                "1000",
                "election-timeout-ms",
                "60000",
                "fetch-timeout-ms",
                "60000"));
    Verdict live = verdict(r, "liveness");
    assertEquals(Verdict.Status.FAIL, live.status(), () -> describe(r));
    assertTrue(live.details().stream().anyMatch(d -> d.contains("completed nothing")));
  }

  @Test
  void aBrokenInvariantStopsTheRunAndNamesTheSeedAndTheEvent() {
    ScenarioResult r = RaftKvBugTest.firstFailure("vote-without-log-check", 1, 100);
    assertNotNull(r, "vote-without-log-check broke nothing in seeds 1..100");
    Verdict inv = verdict(r, "invariants");
    assertEquals(Verdict.Status.FAIL, inv.status(), () -> describe(r));
    String where = String.join(" ", inv.details());
    assertTrue(where.contains("seed " + r.seed()) && where.contains("event "), where);
  }
}
