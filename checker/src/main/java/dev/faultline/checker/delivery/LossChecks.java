package dev.faultline.checker.delivery;

import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.LOST_WRITE;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.UNSEEN;

import java.util.List;

/**
 * Acknowledged sends nobody polled: a lost write when consumers read past its offset, otherwise
 * unseen. Indeterminate sends are never judged here: they may legitimately be absent.
 */
final class LossChecks {

  private LossChecks() {}

  /**
   * Adds lost-write and unseen anomalies for the partition's acknowledged sends.
   *
   * @param unseenIsLost whether this partition's unseen sends count as lost
   * @return how many sends count as lost
   */
  static int check(
      PartitionLog log, List<SendAttempt> sends, boolean unseenIsLost, List<DeliveryAnomaly> out) {
    int lost = 0;
    for (SendAttempt send : sends) {
      if (!send.acknowledged() || log.polled(send.value())) {
        continue;
      }
      boolean belowPolled =
          send.ackOffset().isPresent() && send.ackOffset().getAsLong() <= log.maxPolledOffset();
      if (belowPolled) {
        out.add(lostWrite(log, send));
        lost++;
      } else {
        out.add(unseen(log, send, unseenIsLost));
        lost += unseenIsLost ? 1 : 0;
      }
    }
    return lost;
  }

  private static DeliveryAnomaly lostWrite(PartitionLog log, SendAttempt send) {
    long offset = send.ackOffset().getAsLong();
    long max = log.maxPolledOffset();
    Object atMax = log.polledAt.get(max);
    return new DeliveryAnomaly(
        LOST_WRITE,
        log.partition,
        List.of(send.value(), atMax),
        List.of(offset, max),
        List.of(send.op(), log.maxPolledBy()),
        "partition "
            + Values.render(log.partition)
            + ": value "
            + Values.render(send.value())
            + " acknowledged at offset "
            + offset
            + " by "
            + send.op()
            + " was never polled, though "
            + log.maxPolledBy()
            + " read up to offset "
            + max);
  }

  private static DeliveryAnomaly unseen(PartitionLog log, SendAttempt send, boolean lost) {
    String where =
        send.ackOffset().isPresent()
            ? " acknowledged at offset " + send.ackOffset().getAsLong()
            : " acknowledged without an offset";
    String verdict =
        lost
            ? "; counted as lost: the partition was read to its end"
            : "; not counted as lost: no evidence consumers read the partition to its end";
    return new DeliveryAnomaly(
        UNSEEN,
        log.partition,
        List.of(send.value()),
        send.ackOffset().isPresent() ? List.of(send.ackOffset().getAsLong()) : List.of(),
        List.of(send.op()),
        "partition "
            + Values.render(log.partition)
            + ": value "
            + Values.render(send.value())
            + where
            + " by "
            + send.op()
            + " was never polled"
            + verdict);
  }
}
