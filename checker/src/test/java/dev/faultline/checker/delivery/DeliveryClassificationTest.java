package dev.faultline.checker.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Classification, counts, the end-of-log rule, report order and malformed histories. */
class DeliveryClassificationTest {

  private static final long P = 0;

  /** Three acknowledged sends, read in full by one consumer that then reaches the end. */
  private static QueueHistory cleanRun() {
    var h = new QueueHistory().send(1, P, 10, 0).send(1, P, 11, 1).send(1, P, 12, 2);
    return h.poll(2, P, 0, 10, 1, 11).poll(2, P, 2, 12).poll(2, P);
  }

  @Test
  void aHistoryWhereEverySendIsReadOnceInOrderIsCleanAndExactlyOnce() {
    var report = DeliveryChecker.check(cleanRun().ops());

    assertTrue(report.clean(), () -> String.join("\n", report.describe()));
    assertEquals(DeliveryGuarantee.EXACTLY_ONCE, report.guarantee());
    assertEquals(new DeliveryCounts(3, 3, 0, 0, 3, 3, 0, 0, 0), report.counts());
    assertEquals(List.of(P), report.partitionsReadToEnd());
  }

  @Test
  void aTimedOutSendThatNeverAppearsIsNotLost() {
    var h = new QueueHistory().invokeSend(1, P, 10).timeOutSend(1, P, 10).invokeSend(1, P, 11);
    h.send(3, P, 30, 0).poll(2, P, 0, 30).poll(2, P);
    var report = DeliveryChecker.check(h.ops());

    assertTrue(report.clean(), () -> String.join("\n", report.describe()));
    assertEquals(DeliveryGuarantee.EXACTLY_ONCE, report.guarantee());
    assertEquals(2, report.counts().indeterminate());
    assertEquals(0, report.counts().lost());
  }

  @Test
  void aTimedOutSendThatAppearsTwiceIsStillADuplicate() {
    var h = new QueueHistory().invokeSend(1, P, 10).timeOutSend(1, P, 10).poll(2, P, 0, 10, 1, 10);
    var report = DeliveryChecker.check(h.ops());

    assertEquals(DeliveryGuarantee.AT_LEAST_ONCE, report.guarantee());
    assertEquals(1, report.counts().duplicated());
  }

  @Test
  void aRunWithLossButNoDuplicateIsAtMostOnce() {
    var h = new QueueHistory().send(1, P, 10, 0).send(1, P, 11, 1).poll(2, P, 1, 11);
    assertEquals(DeliveryGuarantee.AT_MOST_ONCE, DeliveryChecker.check(h.ops()).guarantee());
  }

  @Test
  void aRunWithLossAndDuplicatesIsNone() {
    var h = new QueueHistory().send(1, P, 10, 0).send(1, P, 11, 1).poll(2, P, 1, 11, 2, 11);
    var report = DeliveryChecker.check(h.ops());

    assertEquals(DeliveryGuarantee.NONE, report.guarantee());
    assertEquals(1, report.counts().lost());
    assertEquals(1, report.counts().duplicated());
  }

  @Test
  void anUnseenSendCountsAsLostOnlyOnceAConsumerReachedTheEndAfterItsAcknowledgement() {
    var notYet =
        new QueueHistory().send(1, P, 10, 0).poll(2, P).send(1, P, 11, 1).poll(2, P, 0, 10);
    var atEnd = new QueueHistory().send(1, P, 10, 0).send(1, P, 11, 1).poll(2, P, 0, 10).poll(2, P);

    assertEquals(DeliveryGuarantee.EXACTLY_ONCE, DeliveryChecker.check(notYet.ops()).guarantee());
    var report = DeliveryChecker.check(atEnd.ops());
    assertEquals(DeliveryGuarantee.AT_MOST_ONCE, report.guarantee());
    assertEquals(1, report.counts().unseen());
    assertEquals(1, report.counts().lost());
  }

  @Test
  void theCallerCanAssumeOrDenyThatConsumersReadToTheEnd() {
    var h = new QueueHistory().invokeSend(1, P, 10).ackWithoutOffset(1, P, 10);

    var assumed = DeliveryChecker.check(h.ops(), EndOfLog.ASSUMED);
    assertEquals(DeliveryGuarantee.AT_MOST_ONCE, assumed.guarantee());
    var unknown = DeliveryChecker.check(cleanRun().send(1, P, 13, 3).ops(), EndOfLog.UNKNOWN);
    assertEquals(DeliveryGuarantee.EXACTLY_ONCE, unknown.guarantee());
    assertEquals(1, unknown.counts().unseen());
  }

  @Test
  void anomaliesAreOrderedByKindThenPartitionWhateverTheHistoryOrder() {
    var h = new QueueHistory().send(1, "b", 20, 0).send(1, "a", 10, 0).send(1, 7L, 70, 0);
    h.poll(2, "b", 0, 20, 1, 20).poll(2, "a", 0, 10, 1, 10).poll(2, 7L, 0, 70, 1, 70);
    var report = DeliveryChecker.check(h.ops());

    List<Object> partitions = new ArrayList<>();
    report.anomalies().forEach(a -> partitions.add(a.partition()));
    assertEquals(List.of(7L, "a", "b"), partitions);
    assertEquals(report, DeliveryChecker.check(h.ops()));
  }

  @Test
  void theDescriptionStatesTheGuaranteeCountsAndEachAnomaly() {
    var h = new QueueHistory().send(1, P, 10, 0).send(1, P, 11, 1).poll(2, P, 1, 11);
    List<String> lines = DeliveryChecker.check(h.ops()).describe();

    assertTrue(lines.get(0).startsWith("delivery: at-most-once"), lines.get(0));
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("anomalies: lost-write 1")), lines::toString);
    assertTrue(lines.stream().anyMatch(l -> l.contains("lost-write: partition 0: value 10")));
  }

  @Test
  void aCompletionWithoutAnInvocationIsRejectedNamingTheOperation() {
    List<Op> history =
        List.of(
            new Op(
                4, dev.faultline.checker.history.OpType.OK, "poll", P, List.of(), 0, "h.jsonl:9"));
    var error = assertThrows(HistoryException.class, () -> DeliveryChecker.check(history));
    assertTrue(error.getMessage().startsWith("h.jsonl:9: poll by process 4"), error.getMessage());
  }

  @Test
  void twoSendsOfOneValueAreRejected() {
    var h = new QueueHistory().send(1, P, 10, 0).send(2, P, 10, 1);
    var error = assertThrows(HistoryException.class, () -> DeliveryChecker.check(h.ops()));
    assertTrue(error.getMessage().contains("unique value"), error.getMessage());
  }

  @Test
  void aTimedOutSendCarryingAnErrorInsteadOfItsValueIsStillIndeterminate() {
    List<Op> history =
        List.of(
            Op.invoke(1, "send", P, 10L, 0),
            Op.info(1, "send", P, "timed-out", 1),
            Op.invoke(2, "poll", P, null, 2),
            Op.ok(2, "poll", P, List.of(List.of(0L, 10L)), 3));
    var report = DeliveryChecker.check(history);

    assertEquals(1, report.counts().indeterminate());
    assertTrue(report.clean(), () -> String.join("\n", report.describe()));
  }

  @Test
  void operationsOfOtherWorkloadsAreIgnored() {
    List<Op> history = new ArrayList<>(List.of(Op.invoke(9, "read", "x", null, 0)));
    history.addAll(cleanRun().ops());
    assertTrue(DeliveryChecker.check(history).clean());
  }
}
