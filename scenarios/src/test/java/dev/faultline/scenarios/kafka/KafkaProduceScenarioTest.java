package dev.faultline.scenarios.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaProduceScenarioTest {
  private static final KafkaProduceScenario SCENARIO = new KafkaProduceScenario();

  private static ScenarioResult run(long seed, String... settings) {
    Map<String, String> knobs = new LinkedHashMap<>();
    for (String s : settings) {
      knobs.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
    }
    return ScenarioRunner.run(SCENARIO, RunSpec.of(seed, Knobs.resolve(SCENARIO, knobs)));
  }

  private static Verdict verdict(ScenarioResult r, String check) {
    return r.verdicts().stream().filter(v -> v.check().equals(check)).findFirst().orElseThrow();
  }

  @Test
  void theSameSeedGivesTheSameTraceAndHistory() {
    for (String fault : new String[] {"fault=generated", "fault=leader-crash"}) {
      for (long seed = 1; seed <= 3; seed++) {
        ScenarioResult a = run(seed, fault);
        ScenarioResult b = run(seed, fault);
        assertEquals(a.trace().hashHex(), b.trace().hashHex(), a.replayCommand());
        assertEquals(a.history(), b.history(), a.replayCommand());
        assertEquals(a.schedule(), b.schedule(), a.replayCommand());
      }
    }
  }

  @Test
  void theSafeConfigurationPassesEveryCheckUnderGeneratedFaults() {
    for (long seed = 1; seed <= 10; seed++) {
      ScenarioResult r = run(seed, "fault-gap-ms=300", "fault-duration-ms=400");
      assertEquals(Verdict.Status.PASS, r.status(), "replay: " + r.replayCommand());
    }
  }

  @Test
  void acksOneAfterALeaderCrashFailsNamingTheLostRecords() {
    for (long seed = 1; seed <= 20; seed++) {
      ScenarioResult r = run(seed, "acks=1", "enable.idempotence=false", "fault=leader-crash");
      if (r.metrics().get("anomaly.lost") > 0) {
        Verdict delivery = verdict(r, "delivery");
        assertEquals(Verdict.Status.FAIL, delivery.status());
        assertTrue(
            delivery.details().stream().anyMatch(d -> d.contains("lost-write: partition 0: value")),
            String.join("\n", delivery.details()));
        assertTrue(r.replayCommand().contains("--set acks=1"));
        return;
      }
    }
    throw new AssertionError("acks=1 lost nothing in 20 leader crashes");
  }

  @Test
  void anAllowedAnomalyClassNoLongerFailsTheRun() {
    ScenarioResult strict = run(1, "acks=0", "fault=duplicate");
    ScenarioResult lenient = run(1, "acks=0", "fault=duplicate", "allow=duplicate");
    assertEquals(Verdict.Status.FAIL, strict.status());
    assertEquals(1.0, lenient.metrics().get("anomaly.duplicate"));
    assertEquals(Verdict.Status.PASS, lenient.status());
  }

  @Test
  void aForcedFaultIsPrintedAsTheScheduleThatRan() {
    ScenarioResult r = run(4, "fault=leader-crash");
    assertEquals(2, r.schedule().size());
    assertTrue(r.schedule().print().contains("crash b"), r.schedule().print());
    ScenarioResult replayed =
        ScenarioRunner.run(
            SCENARIO,
            RunSpec.of(4, Knobs.resolve(SCENARIO, Map.of("fault", "leader-crash")))
                .withSchedule(r.schedule()));
    assertEquals(r.history(), replayed.history());
  }
}
