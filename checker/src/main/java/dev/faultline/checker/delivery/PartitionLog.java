package dev.faultline.checker.delivery;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the history shows of one partition's log: which values sit at which offsets, according to
 * acknowledgements and to ok polls, and who showed each first.
 *
 * <p>Polls and acknowledgements are kept apart because they prove different things: a polled record
 * was certainly in the log a consumer could read, while an acknowledged offset is only what the
 * broker told the producer.
 */
final class PartitionLog {

  final Object partition;

  /** Offset to the values anyone showed there, each with its first witness. */
  final TreeMap<Long, TreeMap<Object, OpRef>> byOffset = new TreeMap<>();

  /** Value to the offsets anyone showed it at, each with its first witness. */
  final TreeMap<Object, TreeMap<Long, OpRef>> byValue = new TreeMap<>(Values.ORDER);

  /** Offset to the first value an ok poll returned there. */
  final TreeMap<Long, Object> polledAt = new TreeMap<>();

  /** Value to the offsets ok polls returned it at, each with the first poll. */
  final TreeMap<Object, TreeMap<Long, OpRef>> polledValues = new TreeMap<>(Values.ORDER);

  private long maxPolledOffset = -1;
  private OpRef maxPolledBy;
  private int lastAckIndex = -1;
  private int lastEmptyPollInvokeIndex = -1;

  private PartitionLog(Object partition) {
    this.partition = partition;
  }

  /** Builds one log per partition named by a send or an ok poll, ordered by partition. */
  static Map<Object, PartitionLog> of(DeliveryHistory history) {
    Map<Object, PartitionLog> logs = new TreeMap<>(Values.ORDER);
    for (SendAttempt send : history.sends()) {
      PartitionLog log = logs.computeIfAbsent(send.partition(), PartitionLog::new);
      if (send.acknowledged()) {
        log.lastAckIndex = Math.max(log.lastAckIndex, send.op().completionIndex());
        send.ackOffset().ifPresent(offset -> log.show(offset, send.value(), send.op()));
      }
    }
    for (ConsumerEvent event : history.consumerEvents()) {
      if (event instanceof ConsumerEvent.Poll poll) {
        logs.computeIfAbsent(poll.partition(), PartitionLog::new).addPoll(poll);
      }
    }
    return logs;
  }

  private void addPoll(ConsumerEvent.Poll poll) {
    if (poll.entries().isEmpty()) {
      lastEmptyPollInvokeIndex = Math.max(lastEmptyPollInvokeIndex, poll.op().invokeIndex());
    }
    for (LogEntry entry : poll.entries()) {
      show(entry.offset(), entry.value(), poll.op());
      polledAt.putIfAbsent(entry.offset(), entry.value());
      polledValues
          .computeIfAbsent(entry.value(), v -> new TreeMap<>())
          .putIfAbsent(entry.offset(), poll.op());
      if (entry.offset() > maxPolledOffset) {
        maxPolledOffset = entry.offset();
        maxPolledBy = poll.op();
      }
    }
  }

  private void show(long offset, Object value, OpRef witness) {
    byOffset.computeIfAbsent(offset, o -> new TreeMap<>(Values.ORDER)).putIfAbsent(value, witness);
    byValue.computeIfAbsent(value, v -> new TreeMap<>()).putIfAbsent(offset, witness);
  }

  /** The highest offset any ok poll returned, or -1 when none returned anything. */
  long maxPolledOffset() {
    return maxPolledOffset;
  }

  /** The first poll that returned {@link #maxPolledOffset()}, or {@code null}. */
  OpRef maxPolledBy() {
    return maxPolledBy;
  }

  /** Whether a poll that returned nothing began after the last acknowledgement of a send here. */
  boolean readToEnd() {
    return lastEmptyPollInvokeIndex > lastAckIndex;
  }

  boolean polled(Object value) {
    return polledValues.containsKey(value);
  }

  /** The lowest offset a poll returned the value at, or -1 when no poll returned it. */
  long firstPolledOffset(Object value) {
    TreeMap<Long, OpRef> offsets = polledValues.get(value);
    return offsets == null ? -1 : offsets.firstKey();
  }
}
