package dev.faultline.checker.delivery;

import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.IN_FLIGHT_REORDER;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.KEY_REORDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.HistoryException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sends that name their record key as {@code [partition key]}, and the key-reorder check. */
class KeyReorderTest {
  private static final long P = 0;

  private static List<Object> keyed(String key) {
    return List.of(P, key);
  }

  @Test
  void oneKeysValuesPolledOutOfSendOrderAreAKeyReorder() {
    var h =
        new QueueHistory()
            .invokeSend(1, keyed("k1"), 10)
            .invokeSend(1, keyed("k1"), 11)
            .ack(1, P, 11, 0)
            .ack(1, P, 10, 1)
            .poll(2, P, 0, 11, 1, 10);
    var report = DeliveryChecker.check(h.ops());

    List<DeliveryAnomaly> found = report.anomalies(KEY_REORDER);
    assertEquals(1, found.size(), () -> String.join("\n", report.describe()));
    assertEquals(List.of(10L, 11L), found.get(0).values());
    assertEquals(List.of(1L, 0L), found.get(0).offsets());
    assertTrue(found.get(0).description().contains("key k1"), found.get(0).description());
  }

  @Test
  void twoKeysOutOfOrderAreOnlyAnInFlightReorderNotAKeyReorder() {
    var h =
        new QueueHistory()
            .invokeSend(1, keyed("k1"), 10)
            .invokeSend(1, keyed("k2"), 11)
            .ack(1, P, 11, 0)
            .ack(1, P, 10, 1)
            .poll(2, P, 0, 11, 1, 10);
    var report = DeliveryChecker.check(h.ops());

    assertEquals(List.of(), report.anomalies(KEY_REORDER));
    assertEquals(1, report.anomalies(IN_FLIGHT_REORDER).size());
  }

  @Test
  void anUnacknowledgedValueOutOfOrderIsNotAKeyReorder() {
    var h =
        new QueueHistory()
            .invokeSend(1, keyed("k1"), 10)
            .invokeSend(1, keyed("k1"), 11)
            .ack(1, P, 11, 0)
            .timeOutSend(1, P, 10)
            .poll(2, P, 0, 11, 1, 10);

    assertEquals(List.of(), DeliveryChecker.check(h.ops()).anomalies(KEY_REORDER));
  }

  @Test
  void keyedSendsCountTowardTheirPartitionLikeAnyOther() {
    var h = new QueueHistory().invokeSend(1, keyed("k1"), 10).ack(1, P, 10, 0).poll(2, P);
    var report = DeliveryChecker.check(h.ops());

    assertEquals(List.of(P), report.partitionsReadToEnd());
    assertEquals(1, report.counts().lost());
  }

  @Test
  void aSendKeyOfThreeElementsIsMalformed() {
    var h = new QueueHistory().invokeSend(1, List.of(P, "k", "x"), 10);
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            HistoryException.class, () -> DeliveryChecker.check(h.ops()));
    assertTrue(e.getMessage().contains("[partition record-key]"), e.getMessage());
  }
}
