package dev.faultline.checker.delivery;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a queue history (Kafka-style sends and polls) for lost, duplicated and reordered records,
 * and classifies the run as exactly-once, at-least-once, at-most-once or none.
 *
 * <p>The history shape is described in the package documentation. The checker is a pure function of
 * the history: the same list gives the same report, in the same order, every time. It never counts
 * an indeterminate (timed-out) send as lost.
 */
public final class DeliveryChecker {

  private DeliveryChecker() {}

  /**
   * Checks a history, inferring which partitions consumers read to their end ({@link
   * EndOfLog#INFERRED}).
   *
   * @throws HistoryException naming the entry, when the history is malformed
   */
  public static DeliveryReport check(List<Op> history) {
    return check(history, EndOfLog.INFERRED);
  }

  /**
   * Checks a history under the given rule for whether unseen acknowledged sends count as lost.
   *
   * @throws HistoryException naming the entry, when the history is malformed
   */
  public static DeliveryReport check(List<Op> history, EndOfLog endOfLog) {
    DeliveryHistory parsed = DeliveryHistory.of(history);
    Map<Object, PartitionLog> logs = PartitionLog.of(parsed);
    Map<Object, List<SendAttempt>> sendsByPartition = new TreeMap<>(Values.ORDER);
    for (SendAttempt send : parsed.sends()) {
      sendsByPartition.computeIfAbsent(send.partition(), p -> new ArrayList<>()).add(send);
    }
    List<DeliveryAnomaly> anomalies = new ArrayList<>();
    List<Object> readToEnd = new ArrayList<>();
    int lost = 0;
    for (PartitionLog log : logs.values()) {
      List<SendAttempt> sends = sendsByPartition.getOrDefault(log.partition, List.of());
      boolean unseenIsLost =
          endOfLog == EndOfLog.ASSUMED || (endOfLog == EndOfLog.INFERRED && log.readToEnd());
      if (unseenIsLost) {
        readToEnd.add(log.partition);
      }
      lost += LossChecks.check(log, sends, unseenIsLost, anomalies);
      LogChecks.duplicates(log, byValue(log, sends), anomalies);
      LogChecks.inconsistentOffsets(log, anomalies);
      LogChecks.abortedReads(log, sends, anomalies);
      ProducerChecks.check(log, sends, anomalies);
    }
    ConsumerChecks.check(parsed.consumerEvents(), logs, anomalies);
    TransactionChecks.check(parsed, logs, anomalies);
    anomalies.sort(DeliveryAnomaly.ORDER);
    DeliveryCounts counts = count(parsed, anomalies, lost);
    DeliveryGuarantee guarantee = DeliveryGuarantee.of(lost > 0, counts.duplicated() > 0);
    return new DeliveryReport(guarantee, anomalies, counts, endOfLog, readToEnd);
  }

  /** The partition's sends by value; two sends of one value make the history malformed. */
  private static Map<Object, SendAttempt> byValue(PartitionLog log, List<SendAttempt> sends) {
    Map<Object, SendAttempt> byValue = new TreeMap<>(Values.ORDER);
    for (SendAttempt send : sends) {
      SendAttempt earlier = byValue.putIfAbsent(send.value(), send);
      if (earlier != null) {
        throw HistoryException.at(
            send.op().source(),
            "value "
                + Values.render(send.value())
                + " was sent to partition "
                + Values.render(log.partition)
                + " twice ("
                + earlier.op()
                + " and "
                + send.op()
                + "): each send needs a unique value.");
      }
    }
    return byValue;
  }

  private static DeliveryCounts count(
      DeliveryHistory parsed, List<DeliveryAnomaly> anomalies, int lost) {
    int acknowledged = 0;
    int failed = 0;
    for (SendAttempt send : parsed.sends()) {
      acknowledged += send.acknowledged() ? 1 : 0;
      failed += send.outcome() == SendAttempt.Outcome.FAILED ? 1 : 0;
    }
    int polls = 0;
    int polledRecords = 0;
    for (ConsumerEvent event : parsed.consumerEvents()) {
      if (event instanceof ConsumerEvent.Poll poll) {
        polls++;
        polledRecords += poll.entries().size();
      }
    }
    int sends = parsed.sends().size();
    return new DeliveryCounts(
        sends,
        acknowledged,
        failed,
        sends - acknowledged - failed,
        polls,
        polledRecords,
        lost,
        count(anomalies, DeliveryAnomaly.Kind.UNSEEN),
        count(anomalies, DeliveryAnomaly.Kind.DUPLICATE));
  }

  private static int count(List<DeliveryAnomaly> anomalies, DeliveryAnomaly.Kind kind) {
    return (int) anomalies.stream().filter(a -> a.kind() == kind).count();
  }
}
