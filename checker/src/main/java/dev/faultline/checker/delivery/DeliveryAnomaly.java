package dev.faultline.checker.delivery;

import java.util.Comparator;
import java.util.List;

/**
 * One thing the delivery checks found wrong, named the way Jepsen's queue workloads name it.
 *
 * <p>What {@code values}, {@code offsets} and {@code ops} hold depends on the kind and is stated on
 * each {@link Kind}. Offsets of values whose offset is unknown are left out, so the lists are not
 * always the same length.
 *
 * @param kind what went wrong
 * @param partition the partition (the operations' key)
 * @param values the record values involved
 * @param offsets the offsets involved
 * @param ops the operations involved, as positions in the checked history
 * @param description one line for a human reader
 */
public record DeliveryAnomaly(
    Kind kind,
    Object partition,
    List<Object> values,
    List<Long> offsets,
    List<OpRef> ops,
    String description) {

  public DeliveryAnomaly {
    values = List.copyOf(values);
    offsets = List.copyOf(offsets);
    ops = List.copyOf(ops);
  }

  /** The kinds, in the order reports list them. */
  public enum Kind {
    /**
     * An acknowledged send at or below the highest offset any consumer polled was never polled.
     * Values: [lost value, value polled at the highest offset]; offsets: [acknowledged offset,
     * highest polled offset]; ops: [the send, the poll that read the highest offset].
     */
    LOST_WRITE("lost-write"),
    /**
     * An acknowledged send was never polled, and it is not a lost write (its offset is unknown or
     * above every polled offset). It counts as lost only in a partition read to its end (see {@link
     * EndOfLog}). Values: [value]; offsets: [acknowledged offset] when known; ops: [send].
     */
    UNSEEN("unseen"),
    /**
     * One value at several offsets. Values: [value]; offsets: every offset, ascending; ops: the
     * send, then the first operation that showed the value at each offset.
     */
    DUPLICATE("duplicate"),
    /**
     * Several values at one offset. Values: every value, in order; offsets: [offset]; ops: the
     * first operation that showed each value there.
     */
    INCONSISTENT_OFFSETS("inconsistent-offsets"),
    /**
     * A consumer went from one record to a later one, jumping over records other polls show exist
     * between them. Values and offsets: [from, to, skipped...]; ops: [poll of from, poll of to].
     */
    POLL_SKIP("poll-skip"),
    /**
     * A consumer read an offset at or below the one it read just before, with no reassignment in
     * between. Values and offsets: [earlier read, later read]; ops: [their polls].
     */
    NONMONOTONIC_POLL("nonmonotonic-poll"),
    /**
     * A producer's acknowledged sends to one partition got offsets that do not increase in send
     * order. Values and offsets: [earlier send, later send]; ops: [their sends].
     */
    NONMONOTONIC_SEND("nonmonotonic-send"),
    /**
     * Consumers saw a producer's record before one the producer sent earlier and had already seen
     * acknowledged. Values and offsets (where polled): [sent first, sent second]; ops: [the two
     * sends].
     */
    REORDER("reorder"),
    /**
     * Like {@link #REORDER}, but the earlier send was not yet acknowledged (still in flight, or
     * timed out) when the later one was sent: an ordering the producer did not pin down unless it
     * is idempotent with ordered retries. Same values, offsets and ops as {@link #REORDER}.
     */
    IN_FLIGHT_REORDER("in-flight-reorder"),
    /**
     * Consumers found one record key's acknowledged values out of the order its producer sent them
     * in. Kafka orders a producer's records per partition, hence per key; it keeps that promise
     * with retries only when the producer is idempotent or has one request in flight. Values and
     * offsets (where polled): [sent first, sent second]; ops: [the two sends].
     */
    KEY_REORDER("key-reorder"),
    /**
     * An aborted read (Jepsen's G1a): a poll returned the value of a send that certainly failed.
     * Values: [value]; offsets: the offsets it was polled at; ops: [the failed send, first poll].
     */
    ABORTED_READ("G1a"),
    /**
     * A consumer read some sends of a committed transaction but not another, though it read that
     * one's partition past the offset it was acknowledged at. Values: [a value it read, the values
     * it missed]; offsets: the missed values' acknowledged offsets; ops: [the transaction, the poll
     * of the value it read]. The partition is the first missed value's.
     */
    TORN_TRANSACTION("torn-transaction"),
    /**
     * A fenced producer instance's write was read: the send was invoked after another process
     * completed {@code init} for the same transactional id. Values: [value]; offsets: where it was
     * polled; ops: [the send, the other instance's init, the first poll].
     */
    ZOMBIE_WRITE("zombie-write"),
    /**
     * A partition's last stable offset went back: an {@code lso} invoked after another had
     * completed reported a lower offset. Values and offsets: [earlier LSO, later LSO]; ops: [the
     * two reads].
     */
    NONMONOTONIC_LSO("nonmonotonic-lso");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** Jepsen's name, such as {@code lost-write}. */
    public String label() {
      return label;
    }
  }

  /** The report order: kind, partition, offsets, values, then the first operation. */
  static final Comparator<DeliveryAnomaly> ORDER =
      Comparator.comparing(DeliveryAnomaly::kind)
          .thenComparing(DeliveryAnomaly::partition, Values.ORDER)
          .thenComparing(a -> List.<Object>copyOf(a.offsets()), Values.ORDER)
          .thenComparing(a -> List.<Object>copyOf(a.values()), Values.ORDER)
          .thenComparingInt(a -> a.ops().isEmpty() ? -1 : a.ops().get(0).invokeIndex());

  /** The description prefixed by the kind's name. */
  @Override
  public String toString() {
    return kind.label() + ": " + description;
  }
}
