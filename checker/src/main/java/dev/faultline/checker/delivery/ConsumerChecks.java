package dev.faultline.checker.delivery;

import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.NONMONOTONIC_POLL;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.POLL_SKIP;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Checks of each consumer's reads of each partition, replayed in history order: a consumer's next
 * record should be the one right after its last, as far as any poll shows the log.
 *
 * <p>Reads are compared across polls and within one poll alike. A reset (assignment, or a crashed
 * poll) forgets the consumer's positions: after a rebalance a consumer restarts from a committed
 * offset, and going back is then allowed. Gaps in offsets that no poll ever filled are not skips:
 * transaction markers and compaction leave such gaps.
 */
final class ConsumerChecks {

  private ConsumerChecks() {}

  private record Position(LogEntry entry, OpRef op) {}

  static void check(
      List<ConsumerEvent> events, Map<Object, PartitionLog> logs, List<DeliveryAnomaly> out) {
    Map<Long, Map<Object, Position>> positions = new TreeMap<>();
    for (ConsumerEvent event : events) {
      if (event instanceof ConsumerEvent.Reset) {
        positions.remove(event.consumer());
        continue;
      }
      ConsumerEvent.Poll poll = (ConsumerEvent.Poll) event;
      Map<Object, Position> mine =
          positions.computeIfAbsent(poll.consumer(), c -> new TreeMap<>(Values.ORDER));
      PartitionLog log = logs.get(poll.partition());
      for (LogEntry entry : poll.entries()) {
        Position last = mine.get(poll.partition());
        if (last != null) {
          compare(log, last, new Position(entry, poll.op()), out);
        }
        mine.put(poll.partition(), new Position(entry, poll.op()));
      }
    }
  }

  private static void compare(
      PartitionLog log, Position last, Position next, List<DeliveryAnomaly> out) {
    long from = last.entry().offset();
    long to = next.entry().offset();
    List<OpRef> ops =
        last.op().equals(next.op()) ? List.of(next.op()) : List.of(last.op(), next.op());
    if (to <= from) {
      out.add(
          new DeliveryAnomaly(
              NONMONOTONIC_POLL,
              log.partition,
              List.of(last.entry().value(), next.entry().value()),
              List.of(from, to),
              ops,
              prefix(log, next, last) + ", then offset " + to + " (" + describeOp(next) + ")"));
      return;
    }
    NavigableMap<Long, Object> skipped = log.polledAt.subMap(from, false, to, false);
    if (skipped.isEmpty()) {
      return;
    }
    List<Object> values = new ArrayList<>(List.of(last.entry().value(), next.entry().value()));
    values.addAll(skipped.values());
    List<Long> offsets = new ArrayList<>(List.of(from, to));
    offsets.addAll(skipped.keySet());
    out.add(
        new DeliveryAnomaly(
            POLL_SKIP,
            log.partition,
            values,
            offsets,
            ops,
            prefix(log, next, last)
                + ", then offset "
                + to
                + " ("
                + describeOp(next)
                + "), skipping "
                + skipped.size()
                + " polled record(s) at offsets "
                + Values.renderAll(List.copyOf(skipped.keySet()), 10)));
  }

  private static String prefix(PartitionLog log, Position next, Position last) {
    return "partition "
        + Values.render(log.partition)
        + ": consumer p"
        + next.op().process()
        + " read offset "
        + last.entry().offset()
        + " ("
        + describeOp(last)
        + ")";
  }

  private static String describeOp(Position position) {
    return "value " + Values.render(position.entry().value()) + ", " + position.op();
  }
}
