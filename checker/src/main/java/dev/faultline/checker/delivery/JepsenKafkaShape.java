package dev.faultline.checker.delivery;

import dev.faultline.checker.format.HistoryFile;
import dev.faultline.checker.format.HistoryWriter.Entry;
import dev.faultline.checker.format.HistoryWriter.Keyword;
import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Converts between the delivery checker's history shape (one send or poll per partition, {@code
 * key} = the partition; see the package documentation) and the shape of Jepsen's kafka workload:
 * {@code :send}, {@code :poll} and {@code :txn} operations whose value is a vector of micro-ops,
 * {@code [:send k v]} completed as {@code [:send k [offset v]]}, and {@code [:poll]} completed as
 * {@code [:poll {k [[offset v] ...]}]}.
 *
 * <p>Jepsen lets a process have one operation pending at a time; a Kafka producer has several sends
 * in flight. So each in-flight send of producer {@code p} gets a process of its own, {@code p},
 * {@code p + N}, {@code p + 2N}, ... ({@code N} = the highest process plus one), and carries {@code
 * :producer p} whenever that is not its process. The consumer's final read, which starts again from
 * offset 0, begins with an {@code :assign} marked {@code :seek-to-beginning? true}, as Jepsen's
 * final polls do.
 */
public final class JepsenKafkaShape {
  /** The extra field naming a send's producer when its process is not the producer's. */
  public static final String PRODUCER = "producer";

  /** Jepsen's mark on an assign that starts reading every partition from the beginning. */
  public static final String SEEK_TO_BEGINNING = "seek-to-beginning?";

  private static final Keyword SEND = new Keyword("send");
  private static final Keyword POLL = new Keyword("poll");

  /**
   * A history in the delivery checker's shape, and where the final read starts.
   *
   * @param ops sends and polls one partition each
   * @param finalReadIndex the index in {@code ops} of the last assign marked seek-to-beginning, or
   *     -1 when none is
   */
  public record Converted(List<Op> ops, int finalReadIndex) {
    public Converted {
      ops = List.copyOf(ops);
    }
  }

  private JepsenKafkaShape() {}

  /** Whether a history has sends or polls: a delivery history, in either shape. */
  public static boolean isDelivery(List<Op> ops) {
    for (Op op : ops) {
      if (op.f().equals("send") || op.f().equals("poll") || op.f().equals("txn")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The checker-shaped {@code ops} in Jepsen's shape. The first assign invoked at or after {@code
   * finalReadFromNanos} (never, when negative) is marked as the start of the final read.
   */
  public static List<Entry> toJepsen(List<Op> ops, long finalReadFromNanos) {
    long stride = 1;
    TreeSet<Object> partitions = new TreeSet<>(Values.ORDER);
    for (Op op : ops) {
      stride = Math.max(stride, op.process() + 1);
      if (op.key() != null && (op.f().equals("send") || op.f().equals("poll"))) {
        partitions.add(Values.normalize(op.key()));
      }
    }
    Map<Long, List<Object>> inFlight = new TreeMap<>();
    List<Entry> out = new ArrayList<>(ops.size());
    boolean marked = finalReadFromNanos < 0;
    for (Op op : ops) {
      switch (op.f()) {
        case "send" -> out.add(send(op, inFlight, stride));
        case "poll" -> out.add(poll(op));
        case "assign", "subscribe" -> {
          Map<String, Object> extras = new LinkedHashMap<>();
          if (!marked && op.type() == OpType.INVOKE && op.timeNanos() >= finalReadFromNanos) {
            marked = true;
            extras.put(SEEK_TO_BEGINNING, true);
          }
          out.add(new Entry(with(op, op.process(), null, List.copyOf(partitions)), extras));
        }
        default -> out.add(new Entry(op));
      }
    }
    return out;
  }

  private static Entry send(Op op, Map<Long, List<Object>> inFlight, long stride) {
    List<Object> slots = inFlight.computeIfAbsent(op.process(), p -> new ArrayList<>());
    Object record = Values.normalize(op.value());
    if (op.type() != OpType.INVOKE && record instanceof List<?> pair && pair.size() == 2) {
      record = pair.get(1);
    }
    int slot;
    if (op.type() == OpType.INVOKE) {
      slot = slots.indexOf(null);
      if (slot < 0) {
        slot = slots.size();
        slots.add(null);
      }
      slots.set(slot, record);
    } else {
      slot = slots.indexOf(record);
      if (slot < 0 && slots.stream().filter(v -> v != null).count() == 1) {
        slot = slots.indexOf(slots.stream().filter(v -> v != null).findFirst().orElseThrow());
      }
      if (slot < 0) {
        throw HistoryException.at(
            op.source() == null ? "send by process " + op.process() : op.source(),
            "completes a send of " + Values.render(record) + " that is not in flight.");
      }
      slots.set(slot, null);
    }
    Object sent = op.value();
    if (op.type() == OpType.OK && !(sent instanceof List<?>)) {
      sent = java.util.Arrays.asList(null, sent); // acknowledged, offset never learned
    }
    long process = op.process() + slot * stride;
    Map<String, Object> extras =
        process == op.process() ? Map.of() : Map.of(PRODUCER, (Object) op.process());
    List<Object> micro = java.util.Arrays.asList(SEND, op.key(), sent);
    return new Entry(with(op, process, null, List.of(micro)), extras);
  }

  private static Entry poll(Op op) {
    List<Object> micro;
    if (op.type() == OpType.OK) {
      Map<Object, Object> read = new LinkedHashMap<>();
      read.put(op.key(), op.value() == null ? List.of() : op.value());
      micro = List.of(POLL, read);
    } else {
      micro = List.of(POLL);
    }
    return new Entry(with(op, op.process(), null, List.of(micro)));
  }

  private static Op with(Op op, long process, Object key, Object value) {
    return new Op(process, op.type(), op.f(), key, value, op.timeNanos(), op.source());
  }

  /**
   * The checker's shape of a history read from a file: Jepsen-shaped operations are split into one
   * send or poll per partition, operations already in the checker's shape pass through.
   *
   * @throws HistoryException naming the file and line of a malformed micro-op
   */
  public static Converted fromFile(HistoryFile file) {
    List<Op> out = new ArrayList<>(file.ops().size());
    int finalRead = -1;
    for (int i = 0; i < file.ops().size(); i++) {
      Op op = file.ops().get(i);
      Map<String, Object> extras = file.extras(i);
      boolean jepsen =
          (op.f().equals("send") || op.f().equals("poll") || op.f().equals("txn"))
              && op.key() == null
              && op.value() instanceof List<?> l
              && !l.isEmpty()
              && l.stream().allMatch(JepsenKafkaShape::isMicroOp);
      if (jepsen) {
        Object producer = extras.getOrDefault(PRODUCER, op.process());
        if (!(producer instanceof Long p)) {
          throw HistoryException.at(where(op, i), ":producer must be an integer.");
        }
        expand(op, p, (List<?>) op.value(), where(op, i), out);
        continue;
      }
      if ((op.f().equals("assign") || op.f().equals("subscribe"))
          && op.type() == OpType.INVOKE
          && Boolean.TRUE.equals(extras.get(SEEK_TO_BEGINNING))) {
        finalRead = out.size();
      }
      out.add(op);
    }
    return new Converted(out, finalRead);
  }

  /**
   * Whether {@code m} is a micro-op, {@code [:send ...]} or {@code [:poll ...]}: what tells
   * Jepsen's shape from the checker's own {@code txn}, whose members are {@code [partition value]}.
   */
  private static boolean isMicroOp(Object m) {
    return m instanceof List<?> l
        && !l.isEmpty()
        && ("send".equals(l.get(0)) || "poll".equals(l.get(0)));
  }

  private static String where(Op op, int index) {
    return op.source() != null ? op.source() : "entry " + (index + 1);
  }

  private static void expand(Op op, long producer, List<?> micros, String where, List<Op> out) {
    boolean polled = false;
    for (Object m : micros) {
      List<?> micro = (List<?>) m;
      String f = String.valueOf(micro.get(0));
      if (f.equals("send")) {
        if (micro.size() != 3) {
          throw HistoryException.at(where, "a send micro-op is [:send key value], not " + m + ".");
        }
        out.add(
            new Op(producer, op.type(), "send", micro.get(1), micro.get(2), op.timeNanos(), where));
      } else if (f.equals("poll")) {
        polled = true;
        if (op.type() == OpType.OK) {
          pollResults(op, micro, where, out);
        }
      } else {
        throw HistoryException.at(
            where, "a micro-op is [:send key value] or [:poll ...], not " + m + ".");
      }
    }
    if (polled && op.type() == OpType.INFO) {
      // The consumer crashed mid-poll: its position is unknown from here on.
      out.add(new Op(op.process(), OpType.INVOKE, "poll", null, null, op.timeNanos(), where));
      out.add(new Op(op.process(), OpType.INFO, "poll", null, null, op.timeNanos(), where));
    }
  }

  private static void pollResults(Op op, List<?> micro, String where, List<Op> out) {
    if (micro.size() != 2 || !(micro.get(1) instanceof Map<?, ?> read)) {
      throw HistoryException.at(
          where, "a completed poll is [:poll {key [[offset value] ...]}], not " + micro + ".");
    }
    for (Map.Entry<?, ?> e : read.entrySet()) {
      out.add(new Op(op.process(), OpType.INVOKE, "poll", e.getKey(), null, op.timeNanos(), where));
      out.add(
          new Op(op.process(), OpType.OK, "poll", e.getKey(), e.getValue(), op.timeNanos(), where));
    }
  }
}
