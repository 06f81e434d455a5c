package dev.faultline.scenarios.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaPipelineScenarioTest {
  private static final KafkaPipelineScenario SCENARIO = new KafkaPipelineScenario();

  private static ScenarioResult run(Map<String, String> knobs) {
    return ScenarioRunner.run(SCENARIO, RunSpec.of(1, Knobs.resolve(SCENARIO, knobs)));
  }

  @Test
  void aHeartbeatAsLongAsTheSessionIsRefusedAsKafkaRefusesIt() {
    Map<String, String> knobs = Map.of("heartbeat.interval.ms", "300", "session.timeout.ms", "300");
    KnobException e = assertThrows(KnobException.class, () -> Knobs.resolve(SCENARIO, knobs));
    assertTrue(e.getMessage().contains("heartbeat.interval.ms=300"), e.getMessage());
  }

  @Test
  void aStaticMemberBackWithinItsSessionKeepsItsPartitionsWithoutARebalance() {
    Map<String, String> crash =
        Map.of(
            "fault", "crash-between-process-and-commit",
            "session.timeout.ms", "600",
            "commit", "after-processing",
            "allow", "duplicate");
    ScenarioResult dynamic = run(crash);
    java.util.Map<String, String> staticKnobs = new java.util.TreeMap<>(crash);
    staticKnobs.put("group.instance.id", "node-name");
    ScenarioResult stat = run(staticKnobs);
    assertEquals(1.0, stat.metrics().get("rebalances"), stat.replayCommand());
    assertTrue(dynamic.metrics().get("rebalances") > 1.0, dynamic.replayCommand());
  }
}
