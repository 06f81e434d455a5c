package dev.faultline.checker.delivery;

import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.IN_FLIGHT_REORDER;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.KEY_REORDER;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.NONMONOTONIC_SEND;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.REORDER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks of one producer's order within a partition. A producer's sends, in invocation order, are
 * the order it meant.
 *
 * <p>Two views, kept apart on purpose: {@code nonmonotonic-send} compares the offsets the broker
 * acknowledged; a reorder compares where consumers actually found the records. Only neighbours in
 * send order are compared, so one late record is reported once, not against every later send.
 */
final class ProducerChecks {

  private ProducerChecks() {}

  static void check(PartitionLog log, List<SendAttempt> sends, List<DeliveryAnomaly> out) {
    Map<Long, List<SendAttempt>> byProducer = new TreeMap<>();
    for (SendAttempt send : sends) {
      byProducer.computeIfAbsent(send.producer(), p -> new ArrayList<>()).add(send);
    }
    for (List<SendAttempt> producerSends : byProducer.values()) {
      nonmonotonicSends(log, producerSends, out);
      reorders(log, producerSends, out);
      keyReorders(log, producerSends, out);
    }
  }

  /**
   * Per record key, the producer's acknowledged sends in send order, neighbours compared by where
   * polls found them. Sends without a record key are not compared here.
   */
  private static void keyReorders(
      PartitionLog log, List<SendAttempt> sends, List<DeliveryAnomaly> out) {
    Map<Object, SendAttempt> previousByKey = new TreeMap<>(Values.ORDER);
    for (SendAttempt send : sends) {
      long offset = log.firstPolledOffset(send.value());
      if (send.recordKey() == null || !send.acknowledged() || offset < 0) {
        continue;
      }
      SendAttempt previous = previousByKey.put(send.recordKey(), send);
      if (previous == null) {
        continue;
      }
      long before = log.firstPolledOffset(previous.value());
      if (offset < before) {
        out.add(
            new DeliveryAnomaly(
                KEY_REORDER,
                log.partition,
                List.of(previous.value(), send.value()),
                List.of(before, offset),
                List.of(previous.op(), send.op()),
                describe(log, previous, send, before, offset, "polled")
                    + "; both have key "
                    + Values.render(send.recordKey())));
      }
    }
  }

  private static void nonmonotonicSends(
      PartitionLog log, List<SendAttempt> sends, List<DeliveryAnomaly> out) {
    SendAttempt previous = null;
    for (SendAttempt send : sends) {
      if (send.ackOffset().isEmpty()) {
        continue;
      }
      if (previous != null && send.ackOffset().getAsLong() <= previous.ackOffset().getAsLong()) {
        long before = previous.ackOffset().getAsLong();
        long after = send.ackOffset().getAsLong();
        out.add(
            new DeliveryAnomaly(
                NONMONOTONIC_SEND,
                log.partition,
                List.of(previous.value(), send.value()),
                List.of(before, after),
                List.of(previous.op(), send.op()),
                describe(log, previous, send, before, after, "acknowledged")));
      }
      previous = send;
    }
  }

  private static void reorders(
      PartitionLog log, List<SendAttempt> sends, List<DeliveryAnomaly> out) {
    SendAttempt previous = null;
    for (SendAttempt send : sends) {
      long offset = log.firstPolledOffset(send.value());
      if (offset < 0 || send.outcome() == SendAttempt.Outcome.FAILED) {
        continue;
      }
      long before = previous == null ? -1 : log.firstPolledOffset(previous.value());
      if (previous != null && offset < before) {
        boolean definite = previous.acknowledgedBefore(send);
        String how = definite ? "acknowledged before the second was sent" : "still in flight";
        out.add(
            new DeliveryAnomaly(
                definite ? REORDER : IN_FLIGHT_REORDER,
                log.partition,
                List.of(previous.value(), send.value()),
                List.of(before, offset),
                List.of(previous.op(), send.op()),
                describe(log, previous, send, before, offset, "polled")
                    + "; the first was "
                    + how));
      }
      previous = send;
    }
  }

  private static String describe(
      PartitionLog log,
      SendAttempt first,
      SendAttempt second,
      long firstOffset,
      long secondOffset,
      String how) {
    return "partition "
        + Values.render(log.partition)
        + ": producer p"
        + first.producer()
        + " sent "
        + Values.render(first.value())
        + " ("
        + first.op()
        + ") before "
        + Values.render(second.value())
        + " ("
        + second.op()
        + "), but they were "
        + how
        + " at offsets "
        + firstOffset
        + " and "
        + secondOffset;
  }
}
