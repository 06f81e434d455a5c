package dev.faultline.checker.gen;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.linear.Models;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes register histories in the formats checkers read: Jepsen EDN (one map per line), Faultline
 * JSON lines, and the Jepsen log lines of Porcupine's etcd tests, which Porcupine's own test parser
 * reads ({@code INFO jepsen.util - 3 :invoke :write 4}).
 */
public final class HistoryText {
  /** The formats {@link #write} knows, by their command-line names. */
  public static final List<String> FORMATS = List.of("edn", "jsonl", "porcupine");

  private HistoryText() {}

  /**
   * Writes {@code ops} to {@code out} in {@code format}.
   *
   * @throws IllegalArgumentException when the format is unknown, or a value does not fit it (the
   *     Porcupine format holds integers, nil and [old new] pairs only)
   */
  public static void write(List<Op> ops, String format, Writer out) throws IOException {
    switch (format) {
      case "edn" -> {
        for (Op op : ops) {
          out.write(edn(op));
        }
      }
      case "jsonl" -> {
        for (Op op : ops) {
          out.write(json(op));
        }
      }
      case "porcupine" -> {
        for (Op op : ops) {
          out.write(porcupine(op));
        }
      }
      default -> throw new IllegalArgumentException("unknown format '" + format + "'.");
    }
  }

  private static String type(Op op) {
    return op.type().name().toLowerCase(Locale.ROOT);
  }

  private static String edn(Op op) {
    StringBuilder sb = new StringBuilder(64);
    sb.append("{:process ").append(op.process());
    sb.append(", :type :").append(type(op));
    sb.append(", :f :").append(op.f());
    if (op.key() != null) {
      sb.append(", :key ").append(Models.show(op.key()));
    }
    sb.append(", :value ").append(Models.show(op.value()));
    if (op.timeNanos() >= 0) {
      sb.append(", :time ").append(op.timeNanos());
    }
    return sb.append("}\n").toString();
  }

  private static String json(Op op) {
    StringBuilder sb = new StringBuilder(64);
    sb.append("{\"process\":").append(op.process());
    sb.append(",\"type\":\"").append(type(op)).append('"');
    sb.append(",\"f\":\"").append(op.f()).append('"');
    if (op.key() != null) {
      sb.append(",\"key\":").append(jsonValue(op.key()));
    }
    sb.append(",\"value\":").append(jsonValue(op.value()));
    if (op.timeNanos() >= 0) {
      sb.append(",\"time\":").append(op.timeNanos());
    }
    return sb.append("}\n").toString();
  }

  private static String jsonValue(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        sb.append(i > 0 ? "," : "").append(jsonValue(list.get(i)));
      }
      return sb.append(']').toString();
    }
    if (v instanceof Long) {
      return v.toString();
    }
    throw new IllegalArgumentException("only integers, nil and lists are written, not " + v + ".");
  }

  private static String porcupine(Op op) {
    Object v = op.value();
    if (!(v == null || v instanceof Long || v instanceof List<?>)) {
      throw new IllegalArgumentException(
          "the Porcupine format holds integers only, not " + v + ".");
    }
    return "INFO  jepsen.util - "
        + op.process()
        + "\t:"
        + type(op)
        + "\t:"
        + op.f()
        + "\t"
        + Models.show(v)
        + "\n";
  }
}
