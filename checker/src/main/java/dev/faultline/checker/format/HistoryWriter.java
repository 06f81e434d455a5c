package dev.faultline.checker.format;

import dev.faultline.checker.history.Op;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes histories as Jepsen EDN (one operation map per line) or Faultline JSON lines, each with
 * the file's {@link HistoryHeader} first, so that {@link HistoryFile#read} reads back the same
 * operations and extra fields. docs/histories.md describes both formats.
 */
public final class HistoryWriter {
  /** An EDN keyword such as {@code :send}; written as a plain string in JSON. */
  public record Keyword(String name) {}

  /**
   * One operation and the fields it carries beyond an {@link Op}'s (written after the standard
   * ones, in the map's order).
   */
  public record Entry(Op op, Map<String, Object> extras) {
    public Entry(Op op) {
      this(op, Map.of());
    }
  }

  private HistoryWriter() {}

  /**
   * Writes {@code entries} in {@code format} (EDN or JSONL), after {@code header} when it is not
   * null. Times of {@code -1} (unknown) are left out; so are null keys.
   *
   * @throws IllegalArgumentException for a format other than EDN or JSONL, or a value that has no
   *     EDN or JSON form
   */
  public static void write(
      Appendable out, HistoryFormat format, HistoryHeader header, Iterable<Entry> entries)
      throws IOException {
    boolean edn =
        switch (format) {
          case EDN -> true;
          case JSONL -> false;
          default ->
              throw new IllegalArgumentException("histories are written as EDN or JSON lines");
        };
    StringBuilder line = new StringBuilder(128);
    if (header != null) {
      if (edn) {
        line.append("; ").append(HistoryHeader.EDN_MARK).append(' ');
        Map<Object, Object> keyed = new LinkedHashMap<>();
        header.asMap().forEach((k, v) -> keyed.put(new Keyword(k), v));
        value(line, keyed, true);
      } else {
        line.append("{\"process\":\"")
            .append(HistoryHeader.JSON_PROCESS)
            .append("\",\"type\":\"info\",\"f\":\"history\",\"value\":");
        value(line, header.asMap(), false);
        line.append('}');
      }
      out.append(line).append('\n');
    }
    for (Entry e : entries) {
      line.setLength(0);
      operation(line, e, edn);
      out.append(line).append('\n');
    }
  }

  private static void operation(StringBuilder sb, Entry e, boolean edn) {
    Op op = e.op();
    sb.append('{');
    field(sb, "process", op.process(), edn, true);
    field(sb, "type", new Keyword(op.type().name().toLowerCase(Locale.ROOT)), edn, false);
    field(sb, "f", new Keyword(op.f()), edn, false);
    if (op.key() != null) {
      field(sb, "key", op.key(), edn, false);
    }
    field(sb, "value", op.value(), edn, false);
    if (op.timeNanos() >= 0) {
      field(sb, "time", op.timeNanos(), edn, false);
    }
    for (Map.Entry<String, Object> x : e.extras().entrySet()) {
      field(sb, x.getKey(), x.getValue(), edn, false);
    }
    sb.append('}');
  }

  private static void field(StringBuilder sb, String name, Object v, boolean edn, boolean first) {
    if (!first) {
      sb.append(edn ? ", " : ",");
    }
    if (edn) {
      sb.append(':').append(name).append(' ');
    } else {
      string(sb, name, false);
      sb.append(':');
    }
    value(sb, v, edn);
  }

  /** Appends {@code v} as EDN or JSON. */
  static void value(StringBuilder sb, Object v, boolean edn) {
    if (v == null) {
      sb.append(edn ? "nil" : "null");
    } else if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("no EDN or JSON form for " + d);
      }
      sb.append(d);
    } else if (v instanceof String s) {
      string(sb, s, edn);
    } else if (v instanceof Keyword k) {
      if (edn) {
        sb.append(':').append(k.name());
      } else {
        string(sb, k.name(), false);
      }
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : edn ? " " : ",");
        value(sb, l.get(i), edn);
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> m) {
      mapValue(sb, m, edn);
    } else {
      throw new IllegalArgumentException("no EDN or JSON form for " + v.getClass().getName());
    }
  }

  private static void mapValue(StringBuilder sb, Map<?, ?> m, boolean edn) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      sb.append(first ? "" : edn ? ", " : ",");
      first = false;
      if (edn) {
        value(sb, e.getKey(), true);
        sb.append(' ');
      } else {
        // JSON keys are strings; readers turn integer keys back into numbers.
        string(sb, String.valueOf(e.getKey() instanceof Keyword k ? k.name() : e.getKey()), false);
        sb.append(':');
      }
      value(sb, e.getValue(), edn);
    }
    sb.append('}');
  }

  private static void string(StringBuilder sb, String s, boolean edn) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
