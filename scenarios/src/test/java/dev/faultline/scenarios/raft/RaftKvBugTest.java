package dev.faultline.scenarios.raft;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Each bug flag reintroduces a published Raft mistake; a sweep of a fixed seed range under the
 * default faults must catch it, as a broken invariant or a NOT_LINEARIZABLE history. The sweep
 * stops at the first failing seed and prints the command that replays it.
 */
class RaftKvBugTest {
  /** The first seed in [from, to] whose run fails with {@code bug} on, or null. */
  static ScenarioResult firstFailure(String bug, long from, long to) {
    for (long seed = from; seed <= to; seed++) {
      ScenarioResult r = RaftKvScenarioTest.run(seed, Map.of("bug", bug));
      if (r.status() == Verdict.Status.FAIL) {
        Verdict v =
            r.verdicts().stream()
                .filter(x -> x.status() == Verdict.Status.FAIL)
                .findFirst()
                .orElseThrow();
        System.out.println(
            "bug="
                + bug
                + ": first failing seed "
                + seed
                + " of "
                + from
                + ".."
                + to
                + " ("
                + v.check()
                + ": "
                + v.summary()
                + ")\n  replay: "
                + r.replayCommand());
        return r;
      }
    }
    return null;
  }

  private static void assertCaught(String bug, long from, long to) {
    assertNotNull(
        firstFailure(bug, from, to), "bug=" + bug + " was not caught in seeds " + from + ".." + to);
  }

  @Test
  void staleLeaderReadIsCaught() {
    assertCaught("stale-leader-read", 1, 100);
  }

  @Test
  void voteWithoutLogCheckIsCaught() {
    assertCaught("vote-without-log-check", 1, 100);
  }

  // These two need a fault within about one round trip of an election: figure 8 needs a new
  // leader cut off before its first entry of the epoch reaches a majority, a double vote needs a
  // voter to crash and restart while an election of the same epoch still runs. The default
  // election nemesis aims at those moments.

  @Test
  @Disabled("issue 13 in progress: caught by one tuned seed only; max-down now binds the nemeses")
  void commitPreviousEpochIsCaught() {
    assertCaught("commit-previous-epoch", 1, 100);
  }

  @Test
  @Disabled("issue 13 in progress: caught by one tuned seed only; max-down now binds the nemeses")
  void voteNotPersistedIsCaught() {
    assertCaught("vote-not-persisted", 1, 100);
  }
}
