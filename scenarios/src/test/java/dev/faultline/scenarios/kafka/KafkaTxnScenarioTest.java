package dev.faultline.scenarios.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaTxnScenarioTest {
  private static final KafkaTxnScenario SCENARIO = new KafkaTxnScenario();

  private static ScenarioResult run(long seed, String... settings) {
    Map<String, String> knobs = new LinkedHashMap<>();
    for (String s : settings) {
      knobs.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
    }
    return ScenarioRunner.run(SCENARIO, RunSpec.of(seed, Knobs.resolve(SCENARIO, knobs)));
  }

  @Test
  void theSameSeedGivesTheSameTraceAndHistory() {
    for (String fault : new String[] {"fault=generated", "fault=delayed-txn-request"}) {
      ScenarioResult a = run(2, fault);
      ScenarioResult b = run(2, fault);
      assertEquals(a.trace().hashHex(), b.trace().hashHex(), a.replayCommand());
      assertEquals(a.history(), b.history(), a.replayCommand());
    }
  }

  @Test
  void transactionsCommitAcrossPartitionsAndEveryCommittedRecordIsRead() {
    ScenarioResult r = run(1, "fault=none");
    assertEquals(Verdict.Status.PASS, r.status(), r.replayCommand());
    assertTrue(r.metrics().get("commits") > 10, r.metrics().toString());
    boolean spread = false;
    for (Op op : r.history()) {
      if (op.f().equals("txn") && op.type() == OpType.OK) {
        List<?> members = (List<?>) op.value();
        spread |= members.stream().map(m -> ((List<?>) m).get(0)).distinct().count() > 1;
      }
    }
    assertTrue(spread, "no transaction wrote to two partitions");
  }

  @Test
  void aZombieProducerIsFencedAndNothingItWritesAfterwardsIsRead() {
    ScenarioResult r = run(3, "fault=zombie-producer");
    assertEquals(Verdict.Status.PASS, r.status(), r.replayCommand());
    assertEquals(1.0, r.metrics().get("producers.fenced"), r.replayCommand());
    assertTrue(r.schedule().print().contains("pause p1"), r.schedule().print());
  }

  @Test
  void aReadUncommittedConsumerReadsWhatAReadCommittedOneDoesNot() {
    // Seed 109: the leader crash makes a transaction abort after some of its records were written.
    ScenarioResult r = run(109, "fault=leader-crash");
    assertTrue(r.metrics().get("aborted.read_uncommitted") > 0, r.replayCommand());
    assertEquals(0.0, r.metrics().get("anomaly.G1a"), r.replayCommand());
    assertEquals(Verdict.Status.PASS, r.status(), r.replayCommand());
  }

  @Test
  void aDelayedRequestUnderVersionZeroLandsInTheNextTransaction() {
    ScenarioResult r = run(19, "transaction.version=0", "fault=delayed-txn-request");
    Verdict delivery =
        r.verdicts().stream().filter(v -> v.check().equals("delivery")).findFirst().orElseThrow();
    assertEquals(Verdict.Status.FAIL, delivery.status(), r.replayCommand());
    assertTrue(
        delivery.details().stream().anyMatch(d -> d.startsWith("  G1a: partition")),
        String.join("\n", delivery.details()));
    assertTrue(r.replayCommand().contains("--set transaction.version=0"), r.replayCommand());
    ScenarioResult defended = run(16, "fault=delayed-txn-request");
    assertEquals(Verdict.Status.PASS, defended.status(), defended.replayCommand());
  }
}
