package dev.faultline.checker.delivery;

import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.ABORTED_READ;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.DUPLICATE;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.INCONSISTENT_OFFSETS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks of the log's shape: one value at several offsets, several values at one offset, and a
 * failed send's value read back.
 */
final class LogChecks {

  private LogChecks() {}

  static void duplicates(
      PartitionLog log, Map<Object, SendAttempt> sends, List<DeliveryAnomaly> out) {
    for (Map.Entry<Object, TreeMap<Long, OpRef>> e : log.byValue.entrySet()) {
      TreeMap<Long, OpRef> offsets = e.getValue();
      if (offsets.size() < 2) {
        continue;
      }
      List<OpRef> ops = new ArrayList<>();
      SendAttempt send = sends.get(e.getKey());
      if (send != null) {
        ops.add(send.op());
      }
      offsets.values().stream().filter(op -> !ops.contains(op)).forEach(ops::add);
      String sentBy = send == null ? "no send in the history" : "sent by " + send.op();
      out.add(
          new DeliveryAnomaly(
              DUPLICATE,
              log.partition,
              List.of(e.getKey()),
              List.copyOf(offsets.keySet()),
              ops,
              "partition "
                  + Values.render(log.partition)
                  + ": value "
                  + Values.render(e.getKey())
                  + " is at offsets "
                  + Values.renderAll(List.copyOf(offsets.keySet()), 10)
                  + " ("
                  + sentBy
                  + ")"));
    }
  }

  static void inconsistentOffsets(PartitionLog log, List<DeliveryAnomaly> out) {
    for (Map.Entry<Long, TreeMap<Object, OpRef>> e : log.byOffset.entrySet()) {
      TreeMap<Object, OpRef> values = e.getValue();
      if (values.size() < 2) {
        continue;
      }
      List<OpRef> ops = new ArrayList<>();
      values.values().stream().filter(op -> !ops.contains(op)).forEach(ops::add);
      out.add(
          new DeliveryAnomaly(
              INCONSISTENT_OFFSETS,
              log.partition,
              List.copyOf(values.keySet()),
              List.of(e.getKey()),
              ops,
              "partition "
                  + Values.render(log.partition)
                  + ": offset "
                  + e.getKey()
                  + " holds values "
                  + Values.renderAll(List.copyOf(values.keySet()), 10)
                  + " (shown by "
                  + Values.renderAll(ops, 4)
                  + ")"));
    }
  }

  static void abortedReads(PartitionLog log, List<SendAttempt> sends, List<DeliveryAnomaly> out) {
    for (SendAttempt send : sends) {
      TreeMap<Long, OpRef> polled = log.polledValues.get(send.value());
      if (send.outcome() != SendAttempt.Outcome.FAILED || polled == null) {
        continue;
      }
      OpRef firstPoll = polled.firstEntry().getValue();
      out.add(
          new DeliveryAnomaly(
              ABORTED_READ,
              log.partition,
              List.of(send.value()),
              List.copyOf(polled.keySet()),
              List.of(send.op(), firstPoll),
              "partition "
                  + Values.render(log.partition)
                  + ": value "
                  + Values.render(send.value())
                  + " of failed "
                  + send.op()
                  + " was read at offset "
                  + polled.firstKey()
                  + " by "
                  + firstPoll));
    }
  }
}
