package dev.faultline.checker.delivery;

import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.ABORTED_READ;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.DUPLICATE;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.LOST_WRITE;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.NONMONOTONIC_LSO;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.TORN_TRANSACTION;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.ZOMBIE_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One hand-built transactional history per anomaly: a transaction's sends complete when it does (ok
 * when committed, fail when aborted), and {@code txn} names its members.
 */
class TransactionAnomaliesTest {
  private static final long P0 = 0;
  private static final long P1 = 1;

  private static DeliveryAnomaly only(DeliveryReport report, DeliveryAnomaly.Kind kind) {
    List<DeliveryAnomaly> found = report.anomalies(kind);
    assertEquals(1, found.size(), () -> String.join("\n", report.describe()));
    return found.get(0);
  }

  /** p1 sends 10 to partition 0 and 11 to partition 1 in one transaction, acknowledged at 0. */
  private static QueueHistory twoPartitionTxn(OpType outcome) {
    QueueHistory h = new QueueHistory().beginTxn(1).invokeSend(1, P0, 10).invokeSend(1, P1, 11);
    if (outcome == OpType.OK) {
      h.ack(1, P0, 10, 0).ack(1, P1, 11, 0);
    } else {
      h.failSend(1, P0, 10).failSend(1, P1, 11);
    }
    return h.endTxn(1, outcome, P0, 10, P1, 11);
  }

  @Test
  void aRecordOfAnAbortedTransactionThatAConsumerReadIsG1a() {
    var report = DeliveryChecker.check(twoPartitionTxn(OpType.FAIL).poll(2, P0, 0, 10).ops());

    var g1a = only(report, ABORTED_READ);
    assertEquals(List.of(10L), g1a.values());
    assertEquals(List.of(0L), g1a.offsets());
  }

  @Test
  void aConsumerThatReadOneSideOfACommittedTransactionAndSkippedTheOtherSawItTorn() {
    var h = twoPartitionTxn(OpType.OK).send(3, P1, 30, 1).poll(2, P0, 0, 10).poll(2, P1, 1, 30);
    var report = DeliveryChecker.check(h.ops());

    var torn = only(report, TORN_TRANSACTION);
    assertEquals(P1, torn.partition());
    assertEquals(List.of(10L, 11L), torn.values());
    assertEquals(List.of(0L), torn.offsets());
    assertEquals(List.of(0, 8), torn.ops().stream().map(OpRef::invokeIndex).toList());
    assertTrue(torn.description().contains("never value 11"), torn.description());
  }

  @Test
  void aConsumerThatHasNotYetReadPastTheOtherSideDoesNotSeeItTorn() {
    var h = twoPartitionTxn(OpType.OK).poll(2, P0, 0, 10);
    assertEquals(List.of(), DeliveryChecker.check(h.ops()).anomalies(TORN_TRANSACTION));
  }

  @Test
  void aCommittedTransactionsSendThatNobodyReadBelowWhatWasReadIsALostWrite() {
    var h =
        new QueueHistory()
            .send(3, P0, 30, 0)
            .beginTxn(1)
            .invokeSend(1, P0, 10)
            .ack(1, P0, 10, 1)
            .endTxn(1, OpType.OK, P0, 10)
            .send(3, P0, 31, 3)
            .poll(2, P0, 0, 30, 3, 31);
    var lost = only(DeliveryChecker.check(h.ops()), LOST_WRITE);
    assertEquals(List.of(10L, 31L), lost.values());
  }

  @Test
  void aCommittedTransactionsSendReadAtTwoOffsetsIsADuplicate() {
    var h = twoPartitionTxn(OpType.OK).poll(2, P0, 0, 10, 2, 10);
    var duplicate = only(DeliveryChecker.check(h.ops()), DUPLICATE);
    assertEquals(List.of(0L, 2L), duplicate.offsets());
  }

  @Test
  void aLastStableOffsetLowerThanOneReportedBeforeIsNonmonotonic() {
    var h = new QueueHistory().lso(2, P0, 5).lso(3, P0, 7).lso(2, P0, 6).lso(2, P1, 1);
    var lso = only(DeliveryChecker.check(h.ops()), NONMONOTONIC_LSO);
    assertEquals(List.of(7L, 6L), lso.values());
    assertEquals(P0, lso.partition());
  }

  @Test
  void concurrentLastStableOffsetReadsMayArriveInEitherOrder() {
    var h = new QueueHistory();
    h.add(Op.invoke(2, "lso", P0, null, 0)).add(Op.invoke(3, "lso", P0, null, 1));
    h.add(Op.ok(3, "lso", P0, 7L, 2)).add(Op.ok(2, "lso", P0, 5L, 3));
    assertEquals(List.of(), DeliveryChecker.check(h.ops()).anomalies(NONMONOTONIC_LSO));
  }

  @Test
  void aSendReadAfterAnotherInstanceTookTheTransactionalIdIsAZombieWrite() {
    var h =
        new QueueHistory()
            .init(1, "t1")
            .send(1, P0, 10, 0)
            .init(3, "t1")
            .send(1, P0, 11, 1)
            .send(3, P0, 30, 2)
            .poll(2, P0, 0, 10, 1, 11, 2, 30);
    var zombie = only(DeliveryChecker.check(h.ops()), ZOMBIE_WRITE);
    assertEquals(List.of(11L), zombie.values());
    assertEquals(List.of(1L), zombie.offsets());
    assertEquals(3L, zombie.ops().get(1).process());
  }

  @Test
  void aFencedInstancesWriteThatNobodyReadIsNoZombieWrite() {
    var h =
        new QueueHistory()
            .init(1, "t1")
            .init(3, "t1")
            .invokeSend(1, P0, 11)
            .failSend(1, P0, 11)
            .poll(2, P0);
    assertEquals(List.of(), DeliveryChecker.check(h.ops()).anomalies(ZOMBIE_WRITE));
  }

  @Test
  void aTransactionWhoseMembersAreNotPairsIsMalformed() {
    var h = new QueueHistory().beginTxn(1);
    h.add(new Op(1, OpType.OK, "txn", null, List.of(5L), 1, null));
    var e = assertThrows(HistoryException.class, () -> DeliveryChecker.check(h.ops()));
    assertTrue(e.getMessage().contains("[partition value]"), e.getMessage());
  }
}
