package dev.faultline.checker.delivery;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A history read as sends and consumer events: invocations joined to their completions.
 *
 * <p>A producer may have several sends in flight at once (Kafka's {@code max.in.flight}); they are
 * joined by value, which is one reason values must be unique. Polls and assignments are joined one
 * at a time per process. Functions other than {@code send}, {@code poll}, {@code assign} and {@code
 * subscribe} are ignored.
 *
 * @param sends every send, in invocation order
 * @param consumerEvents ok polls and position resets, in completion order
 * @param transactions the {@code txn}, {@code init} and {@code lso} operations
 */
record DeliveryHistory(
    List<SendAttempt> sends, List<ConsumerEvent> consumerEvents, TransactionHistory transactions) {

  static final String SEND = "send";
  static final String POLL = "poll";

  DeliveryHistory {
    sends = List.copyOf(sends);
    consumerEvents = List.copyOf(consumerEvents);
  }

  /**
   * Joins the history's operations.
   *
   * @throws HistoryException naming the entry, when the history is malformed
   */
  static DeliveryHistory of(List<Op> history) {
    return new Reader().read(history);
  }

  private static final class Reader {
    private final Map<Long, List<Pending>> pendingSends = new TreeMap<>();
    private final Map<Long, Pending> pendingOthers = new TreeMap<>();
    private final List<SendAttempt> sends = new ArrayList<>();
    private final List<ConsumerEvent> events = new ArrayList<>();
    private final TransactionHistory.Collector transactions = new TransactionHistory.Collector();

    DeliveryHistory read(List<Op> history) {
      for (int i = 0; i < history.size(); i++) {
        Op op = history.get(i);
        if (!isDeliveryFunction(op.f())) {
          continue;
        }
        if (op.type() == OpType.INVOKE) {
          invoke(i, op);
        } else if (op.f().equals(SEND)) {
          completeSend(i, op);
        } else {
          completeOther(i, op);
        }
      }
      for (List<Pending> open : pendingSends.values()) {
        for (Pending p : open) {
          OpRef ref = new OpRef(p.op.process(), SEND, p.index, -1, p.op.source());
          sends.add(
              new SendAttempt(
                  ref,
                  p.key,
                  p.recordKey,
                  p.value,
                  SendAttempt.Outcome.INDETERMINATE,
                  OptionalLong.empty()));
        }
      }
      sends.sort(Comparator.comparingInt(s -> s.op().invokeIndex()));
      return new DeliveryHistory(sends, events, transactions.build());
    }

    private static boolean isDeliveryFunction(String f) {
      return f.equals(SEND)
          || f.equals(POLL)
          || f.equals("assign")
          || f.equals("subscribe")
          || TransactionHistory.reads(f);
    }

    private void invoke(int index, Op op) {
      Object key = Values.normalize(op.key());
      Object value = Values.normalize(op.value());
      if (op.f().equals(SEND)) {
        Object recordKey = null;
        if (key instanceof List<?> pair) {
          // [partition recordKey]: the partition, and the record key that chose it.
          if (pair.size() != 2 || pair.get(0) == null || pair.get(0) instanceof List<?>) {
            throw malformed(index, op, "a send's key is a partition or [partition record-key]");
          }
          key = pair.get(0);
          recordKey = pair.get(1);
        }
        if (key == null || value == null) {
          throw malformed(index, op, "a send needs a partition (key) and a value");
        }
        List<Pending> open = pendingSends.computeIfAbsent(op.process(), p -> new ArrayList<>());
        if (open.stream().anyMatch(p -> p.value.equals(value))) {
          throw malformed(index, op, "value " + Values.render(value) + " is already being sent");
        }
        open.add(new Pending(index, op, key, recordKey, value));
        return;
      }
      Pending previous = pendingOthers.get(op.process());
      if (previous != null) {
        throw malformed(
            index,
            op,
            "invoked while its "
                + previous.op.f()
                + " of entry "
                + (previous.index + 1)
                + " is pending");
      }
      pendingOthers.put(op.process(), new Pending(index, op, key, null, value));
    }

    private void completeSend(int index, Op op) {
      Object result = Values.normalize(op.value());
      Long offset = null;
      Object value = result;
      if (result instanceof List<?> pair && pair.size() == 2) {
        offset = offsetOf(index, op, pair.get(0));
        value = pair.get(1);
      }
      Pending invoked = takePendingSend(index, op, value);
      OpRef ref = new OpRef(op.process(), SEND, invoked.index, index, sourceOf(op, invoked));
      SendAttempt.Outcome outcome =
          switch (op.type()) {
            case OK -> SendAttempt.Outcome.ACKNOWLEDGED;
            case FAIL -> SendAttempt.Outcome.FAILED;
            default -> SendAttempt.Outcome.INDETERMINATE;
          };
      OptionalLong ack =
          outcome == SendAttempt.Outcome.ACKNOWLEDGED && offset != null
              ? OptionalLong.of(offset)
              : OptionalLong.empty();
      sends.add(new SendAttempt(ref, invoked.key, invoked.recordKey, invoked.value, outcome, ack));
    }

    private Pending takePendingSend(int index, Op op, Object value) {
      List<Pending> open = pendingSends.getOrDefault(op.process(), List.of());
      int match = -1;
      for (int i = 0; i < open.size() && match < 0; i++) {
        match = open.get(i).value.equals(value) ? i : -1;
      }
      // A fail or info may carry an error (Jepsen's :timed-out) instead of the value.
      if (match < 0 && open.size() == 1 && (value == null || op.type() != OpType.OK)) {
        match = 0;
      }
      if (match >= 0) {
        Pending found = open.remove(match);
        if (open.isEmpty()) {
          pendingSends.remove(op.process());
        }
        return found;
      }
      String what = value == null ? "no single send" : "no send of " + Values.render(value);
      throw malformed(index, op, "completes a send, but the process has " + what + " in flight");
    }

    private void completeOther(int index, Op op) {
      Pending invoked = pendingOthers.remove(op.process());
      if (invoked == null || !invoked.op.f().equals(op.f())) {
        throw malformed(index, op, "completes a " + op.f() + " the process never invoked");
      }
      if (TransactionHistory.reads(op.f())) {
        OpRef ref = new OpRef(op.process(), op.f(), invoked.index, index, sourceOf(op, invoked));
        String where = op.source() != null ? op.source() : "entry " + (index + 1);
        transactions.complete(ref, op.type(), invoked.key, Values.normalize(op.value()), where);
        return;
      }
      if (op.type() == OpType.FAIL) {
        return;
      }
      if (op.type() == OpType.INFO || !op.f().equals(POLL)) {
        events.add(new ConsumerEvent.Reset(op.process()));
        return;
      }
      Object key = op.key() != null ? Values.normalize(op.key()) : invoked.key;
      if (key == null) {
        throw malformed(index, op, "a poll needs the partition it read as its key");
      }
      OpRef ref = new OpRef(op.process(), POLL, invoked.index, index, sourceOf(op, invoked));
      events.add(new ConsumerEvent.Poll(ref, key, entriesOf(index, op)));
    }

    private static List<LogEntry> entriesOf(int index, Op op) {
      Object result = Values.normalize(op.value());
      if (result == null) {
        return List.of();
      }
      if (!(result instanceof List<?> pairs)) {
        throw malformed(index, op, "a poll returns a list of [offset value] pairs");
      }
      List<LogEntry> entries = new ArrayList<>(pairs.size());
      for (Object element : pairs) {
        if (!(element instanceof List<?> pair) || pair.size() != 2 || pair.contains(null)) {
          throw malformed(index, op, "a polled record must be [offset value], not " + element);
        }
        entries.add(new LogEntry(offsetOf(index, op, pair.get(0)), pair.get(1)));
      }
      return entries;
    }

    private static Long offsetOf(int index, Op op, Object offset) {
      if (offset == null) {
        return null;
      }
      if (!(offset instanceof Long number) || number < 0) {
        throw malformed(index, op, "an offset must be a non-negative integer, not " + offset);
      }
      return number;
    }

    private static String sourceOf(Op completion, Pending invoked) {
      return completion.source() != null ? completion.source() : invoked.op.source();
    }

    /** Names the entry the way the other checks do: its source, else its 1-based position. */
    private static HistoryException malformed(int index, Op op, String why) {
      String where = op.source() != null ? op.source() : "entry " + (index + 1);
      return HistoryException.at(where, op.f() + " by process " + op.process() + ": " + why + ".");
    }
  }

  private record Pending(int index, Op op, Object key, Object recordKey, Object value) {}
}
