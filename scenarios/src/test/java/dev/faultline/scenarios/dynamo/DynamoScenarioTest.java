package dev.faultline.scenarios.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.OpType;
import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoScenarioTest {
  private static ScenarioResult run(long seed, Map<String, String> knobs) {
    return ScenarioRunner.run(
        new DynamoScenario(), RunSpec.of(seed, Knobs.resolve(new DynamoScenario(), knobs)));
  }

  private static Verdict verdict(ScenarioResult r, String check) {
    return r.verdicts().stream().filter(v -> v.check().equals(check)).findFirst().orElseThrow();
  }

  @Test
  void aSloppyQuorumStaleReadNamesTheReadAndTheWriteItMissed() {
    ScenarioResult r = run(27, Map.of("quorum", "sloppy"));
    Verdict v = verdict(r, "linearizable");
    String replay = "replay: " + r.replayCommand();
    assertEquals(Verdict.Status.FAIL, v.status(), replay);
    assertTrue(v.details().get(0).matches("read: c\\d read k\\d .*"), replay + "\n" + v.details());
    assertTrue(v.details().get(1).contains("written by c"), replay + "\n" + v.details());
    assertTrue(v.details().stream().anyMatch(d -> d.contains("sloppy quorum")), replay);
  }

  @Test
  void strictQuorumWithoutReadRepairIsCaughtReturningAPartlyAppliedWrite() {
    ScenarioResult r = run(9, Map.of("read-repair", "off"));
    Verdict v = verdict(r, "linearizable");
    String replay = "replay: " + r.replayCommand();
    assertEquals(Verdict.Status.FAIL, v.status(), replay);
    assertTrue(v.details().stream().anyMatch(d -> d.contains("partly applied")), replay);
  }

  @Test
  void theMinoritySideOfAStrictPartitionIsRefusedAndItsRefusedWritesAreFailures() {
    ScenarioResult r = run(1, Map.of("fault", "partition"));
    String replay = "replay: " + r.replayCommand();
    assertTrue(r.metrics().get("anomaly.unavailable") > 0, replay);
    assertTrue(
        r.metrics().get("availability.a") < r.metrics().get("availability.b"),
        replay + " " + r.metrics());
    assertTrue(
        r.history().stream().anyMatch(o -> o.type() == OpType.FAIL && o.f().equals("write")),
        replay);
    assertEquals(Verdict.Status.PASS, verdict(r, "linearizable").status(), replay);
  }

  @Test
  void lastWriteWinsUnderSkewReportsTheLostWriteWithItsStamp() {
    ScenarioResult r = null;
    for (long seed = 1; seed <= 20; seed++) {
      r = run(seed, Map.of("fault", "clock-skew", "versioning", "lww"));
      if (verdict(r, "lost-writes").status() == Verdict.Status.FAIL) {
        break;
      }
    }
    Verdict v = verdict(r, "lost-writes");
    assertEquals(Verdict.Status.FAIL, v.status(), "no lost write in seeds 1..20");
    assertTrue(v.details().get(0).startsWith("lost: c"), v.details().toString());
    assertTrue(v.details().get(0).contains("stamped"), v.details().toString());
  }

  @Test
  void theSameSeedGivesTheSameTraceAndHistory() {
    ScenarioResult a = run(5, Map.of("quorum", "sloppy", "fault", "partition"));
    ScenarioResult b = run(5, Map.of("quorum", "sloppy", "fault", "partition"));
    assertEquals(a.trace().hashHex(), b.trace().hashHex());
    assertEquals(a.history(), b.history());
    assertEquals(a.metrics(), b.metrics());
  }

  @Test
  void quorumsLargerThanTheReplicaCountAreRefusedInOneSentence() {
    KnobException e = assertThrows(KnobException.class, () -> run(1, Map.of("r", "4")));
    assertEquals(
        "r=4 is above n=3: a quorum larger than the replicas of a key can never gather",
        e.getMessage());
  }
}
