package dev.faultline.checker.delivery;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;

/** Builds hand-written queue histories for tests; times are the operations' positions. */
final class QueueHistory {

  private final List<Op> ops = new ArrayList<>();

  List<Op> ops() {
    return List.copyOf(ops);
  }

  QueueHistory invokeSend(long producer, Object partition, long value) {
    return add(Op.invoke(producer, "send", partition, value, ops.size()));
  }

  QueueHistory ack(long producer, Object partition, long value, long offset) {
    return add(Op.ok(producer, "send", partition, List.of(offset, value), ops.size()));
  }

  /** An acknowledgement that names no offset, as with acks=0. */
  QueueHistory ackWithoutOffset(long producer, Object partition, long value) {
    return add(Op.ok(producer, "send", partition, value, ops.size()));
  }

  QueueHistory failSend(long producer, Object partition, long value) {
    return add(Op.fail(producer, "send", partition, value, ops.size()));
  }

  QueueHistory timeOutSend(long producer, Object partition, long value) {
    return add(Op.info(producer, "send", partition, value, ops.size()));
  }

  /** An invoked send acknowledged right away at the given offset. */
  QueueHistory send(long producer, Object partition, long value, long offset) {
    return invokeSend(producer, partition, value).ack(producer, partition, value, offset);
  }

  /** A poll of one partition returning the given offset, value, offset, value... pairs. */
  QueueHistory poll(long consumer, Object partition, long... offsetsAndValues) {
    List<Object> pairs = new ArrayList<>();
    for (int i = 0; i < offsetsAndValues.length; i += 2) {
      pairs.add(List.of(offsetsAndValues[i], offsetsAndValues[i + 1]));
    }
    add(Op.invoke(consumer, "poll", partition, null, ops.size()));
    return add(Op.ok(consumer, "poll", partition, pairs, ops.size()));
  }

  /** A poll whose outcome is unknown: the consumer crashed. */
  QueueHistory crashPoll(long consumer, Object partition) {
    add(Op.invoke(consumer, "poll", partition, null, ops.size()));
    return add(Op.info(consumer, "poll", partition, null, ops.size()));
  }

  QueueHistory assign(long consumer, Object partition) {
    add(Op.invoke(consumer, "assign", null, List.of(partition), ops.size()));
    return add(Op.ok(consumer, "assign", null, List.of(partition), ops.size()));
  }

  /** A transaction begins: its sends follow, then {@link #endTxn}. */
  QueueHistory beginTxn(long producer) {
    return add(Op.invoke(producer, "txn", null, null, ops.size()));
  }

  /**
   * The transaction ends: {@code type} ok (committed), fail (aborted) or info (unknown), naming its
   * sends as partition, value, partition, value...
   */
  QueueHistory endTxn(long producer, OpType type, long... partitionsAndValues) {
    List<Object> members = new ArrayList<>();
    for (int i = 0; i < partitionsAndValues.length; i += 2) {
      members.add(List.of(partitionsAndValues[i], partitionsAndValues[i + 1]));
    }
    return add(new Op(producer, type, "txn", null, members, ops.size(), null));
  }

  /** A producer instance finishes initTransactions for a transactional id. */
  QueueHistory init(long producer, String transactionalId) {
    add(Op.invoke(producer, "init", transactionalId, null, ops.size()));
    return add(Op.ok(producer, "init", transactionalId, null, ops.size()));
  }

  /** A consumer is told the last stable offset of a partition. */
  QueueHistory lso(long consumer, Object partition, long lso) {
    add(Op.invoke(consumer, "lso", partition, null, ops.size()));
    return add(Op.ok(consumer, "lso", partition, lso, ops.size()));
  }

  QueueHistory add(Op op) {
    ops.add(op);
    return this;
  }
}
