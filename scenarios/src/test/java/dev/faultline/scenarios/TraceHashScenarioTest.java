package dev.faultline.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trace hash of a scenario run tells apart runs whose clients saw different things. */
class TraceHashScenarioTest {
  private static ScenarioResult raftKv(String keys) {
    Scenario s = ScenarioRegistry.find("raft-kv").orElseThrow();
    Map<String, String> knobs =
        Map.of("bug", "stale-leader-read", "duration-ms", "3000", "keys", keys);
    return ScenarioRunner.run(s, RunSpec.of(21, Knobs.resolve(s, knobs)));
  }

  @Test
  void oneKeyAndTwentyKeysOfTheSameSeedPrintDifferentHashes() {
    ScenarioResult one = raftKv("1");
    ScenarioResult twenty = raftKv("20");
    assertNotEquals(
        one.trace().hashHex(),
        twenty.trace().hashHex(),
        one.replayCommand() + " and " + twenty.replayCommand() + " hash alike");
    assertEquals(one.trace().hashHex(), raftKv("1").trace().hashHex(), one.replayCommand());
  }
}
