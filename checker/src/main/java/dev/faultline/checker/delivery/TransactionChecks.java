package dev.faultline.checker.delivery;

import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.NONMONOTONIC_LSO;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.TORN_TRANSACTION;
import static dev.faultline.checker.delivery.DeliveryAnomaly.Kind.ZOMBIE_WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that need transactions: a committed transaction a consumer saw only part of, a fenced
 * producer instance whose writes were read anyway, and a last stable offset that went back. Aborted
 * reads (G1a) need no transaction: an aborted transaction's sends fail, and a failed send that was
 * polled is G1a (see {@link LogChecks#abortedReads}).
 */
final class TransactionChecks {

  private TransactionChecks() {}

  /** What one consumer polled: values with their first poll, and how far it read each partition. */
  private static final class ConsumerView {
    final Map<Object, OpRef> firstPollOf = new TreeMap<>(Values.ORDER);
    final Map<Object, Long> maxOffset = new TreeMap<>(Values.ORDER);
  }

  static void check(
      DeliveryHistory history, Map<Object, PartitionLog> logs, List<DeliveryAnomaly> out) {
    Map<Object, SendAttempt> sendsByValue = new TreeMap<>(Values.ORDER);
    history.sends().forEach(s -> sendsByValue.putIfAbsent(s.value(), s));
    Map<Long, ConsumerView> consumers = views(history.consumerEvents());
    for (TransactionHistory.Txn txn : history.transactions().txns()) {
      if (txn.outcome() == SendAttempt.Outcome.ACKNOWLEDGED) {
        consumers.forEach((c, view) -> torn(txn, c, view, sendsByValue, out));
      }
    }
    zombieWrites(history, logs, out);
    nonmonotonicLso(history.transactions().lsos(), out);
  }

  private static Map<Long, ConsumerView> views(List<ConsumerEvent> events) {
    Map<Long, ConsumerView> views = new TreeMap<>();
    for (ConsumerEvent e : events) {
      if (e instanceof ConsumerEvent.Poll poll) {
        ConsumerView v = views.computeIfAbsent(poll.consumer(), c -> new ConsumerView());
        for (LogEntry entry : poll.entries()) {
          v.firstPollOf.putIfAbsent(entry.value(), poll.op());
          v.maxOffset.merge(poll.partition(), entry.offset(), Math::max);
        }
      }
    }
    return views;
  }

  /**
   * A committed transaction is torn for a consumer that polled some of its sends but not another
   * one, although it read that one's partition past the offset it was acknowledged at.
   */
  private static void torn(
      TransactionHistory.Txn txn,
      long consumer,
      ConsumerView view,
      Map<Object, SendAttempt> sends,
      List<DeliveryAnomaly> out) {
    TransactionHistory.Member seen = null;
    List<TransactionHistory.Member> missing = new ArrayList<>();
    List<Long> missingOffsets = new ArrayList<>();
    for (TransactionHistory.Member m : txn.members()) {
      if (view.firstPollOf.containsKey(m.value())) {
        seen = seen == null ? m : seen;
        continue;
      }
      SendAttempt send = sends.get(m.value());
      Long readTo = view.maxOffset.get(m.partition());
      if (send != null && send.ackOffset().isPresent() && readTo != null) {
        long offset = send.ackOffset().getAsLong();
        if (readTo > offset) {
          missing.add(m);
          missingOffsets.add(offset);
        }
      }
    }
    if (seen == null || missing.isEmpty()) {
      return;
    }
    List<Object> values = new ArrayList<>(List.of(seen.value()));
    missing.forEach(m -> values.add(m.value()));
    OpRef firstPoll = view.firstPollOf.get(seen.value());
    out.add(
        new DeliveryAnomaly(
            TORN_TRANSACTION,
            missing.get(0).partition(),
            values,
            missingOffsets,
            List.of(txn.op(), firstPoll),
            "committed "
                + txn.op()
                + ": consumer p"
                + consumer
                + " read value "
                + Values.render(seen.value())
                + " of partition "
                + Values.render(seen.partition())
                + " ("
                + firstPoll
                + ") but never "
                + describeMissing(missing, missingOffsets)
                + ", though it read past "
                + (missing.size() == 1 ? "it" : "them")));
  }

  private static String describeMissing(List<TransactionHistory.Member> missing, List<Long> at) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < missing.size(); i++) {
      parts.add(
          "value "
              + Values.render(missing.get(i).value())
              + " (partition "
              + Values.render(missing.get(i).partition())
              + ", offset "
              + at.get(i)
              + ")");
    }
    return Values.renderAll(parts, 5);
  }

  /**
   * A send is a zombie write when its producer instance had been fenced before it was invoked (the
   * last {@code init} of its transactional id to complete belongs to another process) and yet a
   * consumer polled it.
   */
  private static void zombieWrites(
      DeliveryHistory history, Map<Object, PartitionLog> logs, List<DeliveryAnomaly> out) {
    List<TransactionHistory.Init> inits = history.transactions().inits();
    Map<Long, Object> idOf = new TreeMap<>();
    inits.forEach(i -> idOf.put(i.op().process(), i.transactionalId()));
    for (SendAttempt send : history.sends()) {
      Object id = idOf.get(send.producer());
      PartitionLog log = logs.get(send.partition());
      if (id == null || log == null || !log.polled(send.value())) {
        continue;
      }
      TransactionHistory.Init latest = null;
      for (TransactionHistory.Init i : inits) {
        if (Values.ORDER.compare(i.transactionalId(), id) == 0
            && i.op().completionIndex() < send.op().invokeIndex()) {
          latest = i;
        }
      }
      if (latest == null || latest.op().process() == send.producer()) {
        continue;
      }
      TreeMap<Long, OpRef> polled = log.polledValues.get(send.value());
      out.add(
          new DeliveryAnomaly(
              ZOMBIE_WRITE,
              send.partition(),
              List.of(send.value()),
              List.copyOf(polled.keySet()),
              List.of(send.op(), latest.op(), polled.firstEntry().getValue()),
              "partition "
                  + Values.render(send.partition())
                  + ": value "
                  + Values.render(send.value())
                  + " was sent by p"
                  + send.producer()
                  + " ("
                  + send.op()
                  + ") after "
                  + latest.op()
                  + " had taken transactional id "
                  + Values.render(id)
                  + " from it, and was read at offset "
                  + polled.firstKey()
                  + " by "
                  + polled.firstEntry().getValue()));
    }
  }

  /**
   * The last stable offset of a partition never goes back: an {@code lso} invoked after another
   * completed must not report less than it did.
   */
  private static void nonmonotonicLso(
      List<TransactionHistory.LsoRead> reads, List<DeliveryAnomaly> out) {
    Map<Object, List<TransactionHistory.LsoRead>> done = new TreeMap<>(Values.ORDER);
    for (TransactionHistory.LsoRead read : reads) {
      List<TransactionHistory.LsoRead> earlier =
          done.computeIfAbsent(read.partition(), p -> new ArrayList<>());
      TransactionHistory.LsoRead highest = null;
      for (TransactionHistory.LsoRead e : earlier) {
        boolean before = e.op().completionIndex() < read.op().invokeIndex();
        if (before && (highest == null || e.lso() > highest.lso())) {
          highest = e;
        }
      }
      if (highest != null && read.lso() < highest.lso()) {
        out.add(
            new DeliveryAnomaly(
                NONMONOTONIC_LSO,
                read.partition(),
                List.of(highest.lso(), read.lso()),
                List.of(highest.lso(), read.lso()),
                List.of(highest.op(), read.op()),
                "partition "
                    + Values.render(read.partition())
                    + ": the last stable offset was "
                    + highest.lso()
                    + " ("
                    + highest.op()
                    + "), then "
                    + read.lso()
                    + " ("
                    + read.op()
                    + ")"));
      }
      earlier.add(read);
    }
  }
}
