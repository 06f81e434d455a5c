package dev.faultline.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conflicting settings are refused before anything runs, never clamped or switched off. */
class KnobConflictsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "run kafka-produce --seed 1 --set min.insync.replicas=4 | min.insync.replicas=4 is above"
            + " replication.factor=3",
        "run kafka-produce --seed 1 --set brokers=2 | replication.factor=3 is larger than the 2"
            + " broker(s)",
        "run kafka-produce --seed 1 --set enable.idempotence=true --set acks=1 | needs acks=all",
        "run kafka-produce --seed 1 --set enable.idempotence=true --set retries=0 | needs retries"
            + " above 0",
        "run kafka-produce --seed 1 --set max.in.flight.requests.per.connection=6 | at most 5,"
            + " not 6",
        "sweep kafka-produce --seeds 1..2 --set broker.session.timeout.ms=40 | must be below",
        "run kafka-txn --seed 1 --set brokers=2 | replication.factor=3 is larger than the 2"
            + " broker(s)",
        "run kafka-txn --seed 1 --set min.insync.replicas=4 | min.insync.replicas=4 is above",
        "run kafka-produce --seed 1 --set fault=two-failovers | more than max-down=1 allows",
        "run dynamo-kv --seed 1 --set r=4 | r=4 is above n=3",
        "run dynamo-kv --seed 1 --set w=5 --set n=4 | w=5 is above n=4",
        "run dynamo-kv --seed 1 --set nodes=2 | n=3 replicas per key need at least 3 servers",
        "compare raft-kv --seeds 1..2 --vary read-fraction=0.5,0.8 | add up to more than 1",
      })
  void conflictingKnobsExitTwoWithOneSentence(String line, String words) {
    CliTest.Outcome o = CliTest.faultline(line.strip().split(" "));
    assertEquals(2, o.code(), o.out() + o.err());
    String first = o.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("error: ") && first.endsWith("."), first);
    assertTrue(first.contains(words.strip()), first);
    assertFalse(o.out().contains("trace hash"), "nothing ran: " + o.out());
  }

  @Test
  void idempotenceLeftAtItsDefaultIsSwitchedOffByAcksOneAndRunSaysSo() {
    CliTest.Outcome o =
        CliTest.faultline(
            "run",
            "kafka-produce",
            "--seed",
            "2",
            "--set",
            "acks=1",
            "--set",
            "duration-ms=200",
            "--set",
            "liveness-ms=200");
    assertTrue(o.code() == 0 || o.code() == 1, o.err());
    assertTrue(
        o.out()
            .contains(
                "  enable.idempotence = true   (in effect: false, because acks=1 and"
                    + " enable.idempotence was not set, as Kafka does)"),
        o.out());
  }
}
