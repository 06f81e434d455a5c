package dev.faultline.checker.delivery;

import java.util.List;

/** What a consumer did, in history order, as the poll checks replay it. */
sealed interface ConsumerEvent {

  long consumer();

  /**
   * An ok poll of one partition.
   *
   * @param op where it is in the history
   * @param partition the partition polled
   * @param entries the records returned, in delivery order
   */
  record Poll(OpRef op, Object partition, List<LogEntry> entries) implements ConsumerEvent {
    public Poll {
      entries = List.copyOf(entries);
    }

    @Override
    public long consumer() {
      return op.process();
    }
  }

  /**
   * The consumer's positions no longer carry over: it was (re)assigned partitions, or it crashed
   * (an indeterminate poll), so its next read of any partition may legitimately start anywhere.
   */
  record Reset(long consumer) implements ConsumerEvent {}
}
