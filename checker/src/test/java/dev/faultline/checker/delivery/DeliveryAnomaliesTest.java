package dev.faultline.checker.delivery;

import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.ABORTED_READ;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.DUPLICATE;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.INCONSISTENT_OFFSETS;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.IN_FLIGHT_REORDER;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.LOST_WRITE;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.NONMONOTONIC_POLL;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.NONMONOTONIC_SEND;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.POLL_SKIP;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.REORDER;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.UNSEEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One hand-built history per anomaly kind; each asserts what the anomaly names. */
class DeliveryAnomaliesTest {

  private static final long P = 0;

  private static DeliveryAnomaly only(DeliveryReport report, DeliveryAnomaly.Kind kind) {
    List<DeliveryAnomaly> found = report.anomalies(kind);
    assertEquals(1, found.size(), () -> String.join("\n", report.describe()));
    return found.get(0);
  }

  private static List<Integer> invokeIndexes(DeliveryAnomaly anomaly) {
    return anomaly.ops().stream().map(OpRef::invokeIndex).toList();
  }

  @Test
  void anAcknowledgedSendBelowTheHighestPolledOffsetThatNobodyPolledIsALostWrite() {
    var h = new QueueHistory().send(1, P, 10, 0).send(1, P, 11, 1).send(1, P, 12, 2);
    var report = DeliveryChecker.check(h.poll(2, P, 0, 10, 2, 12).ops());

    var lost = only(report, LOST_WRITE);
    assertEquals(List.of(11L, 12L), lost.values());
    assertEquals(List.of(1L, 2L), lost.offsets());
    assertEquals(List.of(2, 6), invokeIndexes(lost));
    assertEquals(1, report.counts().lost());
  }

  @Test
  void anAcknowledgedSendAboveEveryPolledOffsetIsUnseen() {
    var h = new QueueHistory().send(1, P, 10, 0).send(1, P, 11, 1).poll(2, P, 0, 10);
    var report = DeliveryChecker.check(h.ops());

    var unseen = only(report, UNSEEN);
    assertEquals(List.of(11L), unseen.values());
    assertEquals(List.of(1L), unseen.offsets());
    assertEquals(List.of(2), invokeIndexes(unseen));
    assertEquals(0, report.counts().lost());
  }

  @Test
  void oneValueAtTwoOffsetsIsADuplicate() {
    var h = new QueueHistory().send(1, P, 10, 0).poll(2, P, 0, 10, 1, 10);
    var duplicate = only(DeliveryChecker.check(h.ops()), DUPLICATE);

    assertEquals(List.of(10L), duplicate.values());
    assertEquals(List.of(0L, 1L), duplicate.offsets());
    assertEquals(List.of(0, 2), invokeIndexes(duplicate));
  }

  @Test
  void twoValuesAtOneOffsetAreInconsistentOffsets() {
    var h = new QueueHistory().send(1, P, 10, 0).send(3, P, 30, 0).poll(2, P, 0, 10);
    var report = DeliveryChecker.check(h.ops());

    var inconsistent = only(report, INCONSISTENT_OFFSETS);
    assertEquals(List.of(10L, 30L), inconsistent.values());
    assertEquals(List.of(0L), inconsistent.offsets());
    assertEquals(List.of(0, 2), invokeIndexes(inconsistent));
    assertEquals(List.of(30L, 10L), only(report, LOST_WRITE).values());
  }

  @Test
  void aConsumerJumpingOverARecordAnotherConsumerReadIsAPollSkip() {
    var h = new QueueHistory().send(1, P, 10, 0).send(1, P, 11, 1).send(1, P, 12, 2);
    h.poll(2, P, 0, 10, 1, 11, 2, 12).poll(3, P, 0, 10).poll(3, P, 2, 12);
    var skip = only(DeliveryChecker.check(h.ops()), POLL_SKIP);

    assertEquals(List.of(10L, 12L, 11L), skip.values());
    assertEquals(List.of(0L, 2L, 1L), skip.offsets());
    assertEquals(List.of(8, 10), invokeIndexes(skip));
    assertTrue(skip.description().contains("consumer p3"), skip.description());
  }

  @Test
  void aGapNoPollEverFilledIsNotAPollSkip() {
    var h = new QueueHistory().send(1, P, 10, 0).send(1, P, 12, 2).poll(2, P, 0, 10, 2, 12);
    assertTrue(DeliveryChecker.check(h.ops()).clean());
  }

  @Test
  void aConsumerReadingAnOffsetAgainIsANonmonotonicPoll() {
    var h = new QueueHistory().send(1, P, 10, 0).send(1, P, 11, 1).send(1, P, 12, 2);
    h.poll(2, P, 0, 10, 1, 11).poll(2, P, 1, 11, 2, 12);
    var back = only(DeliveryChecker.check(h.ops()), NONMONOTONIC_POLL);

    assertEquals(List.of(11L, 11L), back.values());
    assertEquals(List.of(1L, 1L), back.offsets());
    assertEquals(List.of(6, 8), invokeIndexes(back));
  }

  @Test
  void aReassignedConsumerMayReadFromAnEarlierOffsetAgain() {
    var h = new QueueHistory().send(1, P, 10, 0).send(1, P, 11, 1);
    h.poll(2, P, 0, 10, 1, 11).assign(2, P).poll(2, P, 0, 10, 1, 11);
    assertTrue(DeliveryChecker.check(h.ops()).anomalies(NONMONOTONIC_POLL).isEmpty());
  }

  @Test
  void aConsumerThatCrashedMayReadFromAnEarlierOffsetAgain() {
    var h = new QueueHistory().send(1, P, 10, 0).send(1, P, 11, 1);
    h.poll(2, P, 0, 10, 1, 11).crashPoll(2, P).poll(2, P, 0, 10, 1, 11);
    assertTrue(DeliveryChecker.check(h.ops()).clean());
  }

  @Test
  void aProducersLaterSendAcknowledgedAtALowerOffsetIsANonmonotonicSend() {
    var h = new QueueHistory().send(1, P, 10, 5).send(1, P, 11, 4);
    var send = only(DeliveryChecker.check(h.ops()), NONMONOTONIC_SEND);

    assertEquals(List.of(10L, 11L), send.values());
    assertEquals(List.of(5L, 4L), send.offsets());
    assertEquals(List.of(0, 2), invokeIndexes(send));
  }

  @Test
  void consumersSeeingARecordBeforeOneAcknowledgedEarlierByItsProducerIsAReorder() {
    var h = new QueueHistory().invokeSend(1, P, 10).ackWithoutOffset(1, P, 10);
    h.invokeSend(1, P, 11).ackWithoutOffset(1, P, 11).poll(2, P, 0, 11, 1, 10);
    var reorder = only(DeliveryChecker.check(h.ops()), REORDER);

    assertEquals(List.of(10L, 11L), reorder.values());
    assertEquals(List.of(1L, 0L), reorder.offsets());
    assertEquals(List.of(0, 2), invokeIndexes(reorder));
  }

  @Test
  void aReorderOfTwoSendsInFlightTogetherIsNamedAnInFlightReorder() {
    var h = new QueueHistory().invokeSend(1, P, 10).invokeSend(1, P, 11);
    h.ack(1, P, 11, 0).ack(1, P, 10, 1).poll(2, P, 0, 11, 1, 10);
    var report = DeliveryChecker.check(h.ops());

    var reorder = only(report, IN_FLIGHT_REORDER);
    assertEquals(List.of(10L, 11L), reorder.values());
    assertEquals(List.of(0, 1), invokeIndexes(reorder));
    assertTrue(report.anomalies(REORDER).isEmpty());
  }

  @Test
  void aTimedOutSendLandingAfterALaterSendIsAnInFlightReorder() {
    var h = new QueueHistory().invokeSend(1, P, 10).timeOutSend(1, P, 10);
    h.send(1, P, 11, 0).poll(2, P, 0, 11, 1, 10);
    assertEquals(
        List.of(0, 2), invokeIndexes(only(DeliveryChecker.check(h.ops()), IN_FLIGHT_REORDER)));
  }

  @Test
  void aFailedSendThatIsPolledIsAnAbortedRead() {
    var h = new QueueHistory().invokeSend(1, P, 10).failSend(1, P, 10).poll(2, P, 0, 10);
    var aborted = only(DeliveryChecker.check(h.ops()), ABORTED_READ);

    assertEquals("G1a", aborted.kind().label());
    assertEquals(List.of(10L), aborted.values());
    assertEquals(List.of(0L), aborted.offsets());
    assertEquals(List.of(0, 2), invokeIndexes(aborted));
  }
}
