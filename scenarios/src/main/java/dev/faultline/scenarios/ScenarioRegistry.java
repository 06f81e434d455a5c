package dev.faultline.scenarios;

import dev.faultline.scenarios.demo.CounterScenario;
import java.util.List;
import java.util.Optional;

/** The scenario catalog: every scenario the command line knows, in the order it lists them. */
public final class ScenarioRegistry {
  private ScenarioRegistry() {}

  public static List<Scenario> all() {
    return List.of(
        new CounterScenario(),
        new dev.faultline.scenarios.dynamo.DynamoScenario(),
        new dev.faultline.scenarios.raft.RaftKvScenario(),
        new dev.faultline.scenarios.kafka.KafkaProduceScenario(),
        new dev.faultline.scenarios.kafka.KafkaTxnScenario(),
        new dev.faultline.scenarios.kafka.KafkaControllerScenario());
  }

  public static Optional<Scenario> find(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
