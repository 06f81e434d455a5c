package dev.faultline.scenarios.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import dev.faultline.models.producer.KeyPartitioner;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keyed records in {@code kafka-produce}: each lands where Kafka's partitioner puts it, and one
 * key's values are reordered only where Kafka allows it (retries, several requests in flight, no
 * idempotence).
 */
class KafkaKeysTest {
  private static final KafkaProduceScenario SCENARIO = new KafkaProduceScenario();
  private static final int SEEDS = 20;

  private static ScenarioResult run(long seed, String... settings) {
    Map<String, String> knobs = new LinkedHashMap<>();
    for (String s : settings) {
      knobs.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
    }
    return ScenarioRunner.run(SCENARIO, RunSpec.of(seed, Knobs.resolve(SCENARIO, knobs)));
  }

  /** The replay commands of the seeds whose final log shows a key reorder. */
  private static List<String> keyReorders(String... settings) {
    List<String> seeds = new ArrayList<>();
    for (long seed = 1; seed <= SEEDS; seed++) {
      ScenarioResult r = run(seed, settings);
      if (r.metrics().getOrDefault("anomaly.key-reorder", 0.0) > 0) {
        seeds.add(r.replayCommand());
      }
    }
    return seeds;
  }

  @Test
  void everyKeyedSendNamesThePartitionKafkasPartitionerPicks() {
    ScenarioResult r = run(1, "partitions=5", "keys=8", "fault=none");
    int keyed = 0;
    for (Op op : r.history()) {
      if (op.f().equals("send") && op.type() == OpType.INVOKE) {
        List<?> key = (List<?>) op.key();
        assertEquals(
            (long) KeyPartitioner.partition((String) key.get(1), 5), key.get(0), op.toString());
        keyed++;
      }
    }
    assertTrue(keyed > 50, "only " + keyed + " sends");
  }

  @Test
  void aPlainProducerWithRetriesAndFiveInFlightReordersSomeKey() {
    List<String> found =
        keyReorders("keys=4", "acks=1", "enable.idempotence=false", "fault=timeout-retry");
    assertTrue(!found.isEmpty(), "no key reorder in " + SEEDS + " seeds");
  }

  @Test
  void anIdempotentProducerNeverReordersAKey() {
    List<String> found = keyReorders("keys=4", "fault=timeout-retry");
    assertEquals(List.of(), found);
  }

  @Test
  void aPlainProducerWithOneRequestInFlightNeverReordersAKey() {
    List<String> found =
        keyReorders(
            "keys=4",
            "acks=1",
            "enable.idempotence=false",
            "max.in.flight.requests.per.connection=1",
            "fault=timeout-retry");
    assertEquals(List.of(), found);
  }
}
