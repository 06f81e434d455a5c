package dev.faultline.scenarios.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each bug flag reintroduces a published Raft mistake; a sweep of the default configuration must
 * catch it with the check that names the mistake: a stale read breaks linearizability, a vote
 * without the log check or figure 8's commit breaks committed-log integrity, a forgotten vote
 * elects two leaders in one epoch. The sweep stops at the first seed that fails that way and prints
 * the command that replays it. (docs/raft.md gives the rates over 1,000 seeds.)
 */
class RaftKvBugTest {
  /** The first seed in [from, to] whose run with {@code bug} fails {@code expected}, or null. */
  static ScenarioResult firstFailure(String bug, String expected, long from, long to) {
    for (long seed = from; seed <= to; seed++) {
      ScenarioResult r = RaftKvScenarioTest.run(seed, Map.of("bug", bug));
      for (Verdict v : r.verdicts()) {
        if (v.status() == Verdict.Status.FAIL
            && (v.check().equals(expected) || v.summary().startsWith(expected + ":"))) {
          System.out.println(
              "bug="
                  + bug
                  + ": first seed of "
                  + from
                  + ".."
                  + to
                  + " failing "
                  + expected
                  + ": "
                  + seed
                  + " ("
                  + v.summary()
                  + ")\n  replay: "
                  + r.replayCommand());
          return r;
        }
      }
    }
    return null;
  }

  /** The first failing seed in [from, to] whatever the check, or null. */
  static ScenarioResult firstFailure(String bug, long from, long to) {
    for (long seed = from; seed <= to; seed++) {
      ScenarioResult r = RaftKvScenarioTest.run(seed, Map.of("bug", bug));
      if (r.status() == Verdict.Status.FAIL) {
        return r;
      }
    }
    return null;
  }

  private static void assertCaught(String bug, String expected) {
    assertNotNull(
        firstFailure(bug, expected, 1, 100),
        "bug=" + bug + " did not fail " + expected + " in seeds 1..100");
  }

  @Test
  void aStaleLeaderReadBreaksLinearizability() {
    assertCaught("stale-leader-read", "linearizable");
  }

  @Test
  void aVoteWithoutTheLogCheckElectsALeaderMissingCommittedEntries() {
    assertCaught("vote-without-log-check", "CommittedLogIntact");
  }

  @Test
  void committingAnEarlierEpochsEntriesByCountingLosesACommittedEntry() {
    assertCaught("commit-previous-epoch", "CommittedLogIntact");
  }

  @Test
  void aVoteNotPersistedElectsTwoLeadersInOneEpoch() {
    assertCaught("vote-not-persisted", "SingleLeaderPerEpoch");
  }

  @Test
  void aStaleLeaderReadWithReadsThroughTheLogIsAUsageError() {
    Scenario raftKv = new RaftKvScenario();
    KnobException e =
        assertThrows(
            KnobException.class,
            () -> Knobs.resolve(raftKv, Map.of("bug", "stale-leader-read", "read-path", "log")));
    assertTrue(e.getMessage().contains("read-path=log"), e.getMessage());
  }

  @Test
  void flavourKraftSetsItsMechanismsTogetherAndRefusesAContradiction() {
    Scenario raftKv = new RaftKvScenario();
    Knobs k = Knobs.resolve(raftKv, Map.of("flavour", "kraft"));
    assertEquals(
        Map.of(
            "pre-vote", "true, set by flavour=kraft",
            "epoch-start-record", "true, set by flavour=kraft"),
        raftKv.knobsInEffect(k));
    ScenarioResult r = RaftKvScenarioTest.run(3, Map.of("flavour", "kraft", "duration-ms", "3000"));
    assertEquals(Verdict.Status.PASS, r.status(), r.replayCommand());
    KnobException e =
        assertThrows(
            KnobException.class,
            () -> Knobs.resolve(raftKv, Map.of("flavour", "kraft", "timers", "raft")));
    assertTrue(e.getMessage().contains("flavour=kraft sets timers=kraft"), e.getMessage());
  }
}
