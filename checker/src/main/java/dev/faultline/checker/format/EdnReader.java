package dev.faultline.checker.format;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.TaggedValue;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads operation maps written in EDN: Jepsen histories (a vector of maps, or one map per line) and
 * Porcupine's kv files. Entries whose {@code :process} is not an integer (the nemesis) are not
 * client operations and are left out, as Knossos does.
 */
final class EdnReader {
  private static final Keyword PROCESS = Keyword.newKeyword("process");
  private static final Keyword TYPE = Keyword.newKeyword("type");
  private static final Keyword F = Keyword.newKeyword("f");
  private static final Keyword KEY = Keyword.newKeyword("key");
  private static final Keyword VALUE = Keyword.newKeyword("value");
  private static final Keyword TIME = Keyword.newKeyword("time");

  private EdnReader() {}

  /** The fields every reader maps onto an {@link Op}; any other field is kept as an extra. */
  private static final Set<String> OP_FIELDS =
      new TreeSet<>(List.of("process", "type", "f", "key", "value", "time", "index"));

  static Parsed read(String text, String name, ReadDeadline deadline) {
    EdnText.checkDepth(text, name, 1, deadline);
    LineTrackingParseable in = new LineTrackingParseable(text, name, deadline);
    Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
    List<Op> ops = new ArrayList<>();
    SortedMap<Integer, Map<String, Object>> extras = new TreeMap<>();
    boolean inVector = false;
    int c = in.peekSignificant();
    if (c == '[' || c == '(') {
      in.skip();
      inVector = true;
    }
    for (long entries = 0; ; entries++) {
      c = in.peekSignificant();
      String where = name + ":" + in.line();
      deadline.check(entries, where);
      if (c == Parseable.END_OF_INPUT) {
        if (inVector) {
          throw HistoryException.at(where, "the history vector is not closed.");
        }
        break;
      }
      if (inVector && (c == ']' || c == ')')) {
        in.skip();
        if (in.peekSignificant() != Parseable.END_OF_INPUT) {
          throw HistoryException.at(name + ":" + in.line(), "unexpected text after the history.");
        }
        break;
      }
      Object value = EdnText.next(parser, in, where);
      Op op = toOp(value, where);
      if (op != null) {
        Map<String, Object> more = extras((Map<?, ?>) unwrap(value), where);
        if (!more.isEmpty()) {
          extras.put(ops.size(), more);
        }
        ops.add(op);
      }
    }
    return new Parsed(ops, extras, header(text, name));
  }

  /**
   * The header of a file Faultline wrote: a first line {@code ; faultline-history {...}}, a comment
   * to every other EDN reader. Null when the first non-blank line is not one.
   */
  private static HistoryHeader header(String text, String name) {
    int line = 0;
    for (String raw : text.split("\n", 50)) {
      line++;
      String s = raw.strip();
      if (s.isEmpty()) {
        continue;
      }
      String body = s.replaceFirst("^;+\\s*", "");
      if (!s.startsWith(";") || !body.startsWith(HistoryHeader.EDN_MARK)) {
        return null;
      }
      String where = name + ":" + line;
      Object map;
      try {
        map =
            Values.fromEdn(
                Parsers.newParser(Parsers.defaultConfiguration())
                    .nextValue(
                        Parsers.newParseable(body.substring(HistoryHeader.EDN_MARK.length()))),
                where);
      } catch (EdnException e) {
        throw HistoryException.at(where, "the faultline header is not valid EDN.");
      }
      if (!(map instanceof Map<?, ?> m)) {
        throw HistoryException.at(where, "the faultline header must be a map.");
      }
      return HistoryHeader.fromMap(m, where);
    }
    return null;
  }

  private static Object unwrap(Object value) {
    return value instanceof TaggedValue tagged ? tagged.getValue() : value;
  }

  private static Map<String, Object> extras(Map<?, ?> map, String where) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String k = e.getKey() instanceof Keyword kw ? kw.getName() : String.valueOf(e.getKey());
      if (!OP_FIELDS.contains(k)) {
        out.put(k, Values.fromEdn(e.getValue(), where));
      }
    }
    return out;
  }

  private static Op toOp(Object value, String where) {
    // Jepsen 0.3 writes each operation as a record: #jepsen.history.Op{...}.
    value = unwrap(value);
    if (!(value instanceof Map<?, ?> map)) {
      throw HistoryException.at(
          where, "expected an operation map such as {:process 0, :type :invoke, :f :read}.");
    }
    Object process = map.get(PROCESS);
    if (process == null) {
      throw HistoryException.at(where, "the operation has no :process.");
    }
    if (!(process instanceof Number)) {
      return null; // :nemesis, or another named process that is not a client
    }
    long p = processId(Values.fromEdn(process, where), where);
    OpType type = type(map.get(TYPE), where);
    Object f = map.get(F);
    if (!(f instanceof Keyword) && !(f instanceof String)) {
      throw HistoryException.at(where, "the operation has no :f (its function).");
    }
    String fn = f instanceof Keyword k ? k.getName() : (String) f;
    Object key = Values.fromEdn(map.get(KEY), where);
    Object v = Values.fromEdn(map.get(VALUE), where);
    Object time = map.get(TIME);
    if (time != null && !(time instanceof Long)) {
      throw HistoryException.at(where, "the :time " + time + " is not an integer (nanoseconds).");
    }
    return new Op(p, type, fn, key, v, time == null ? -1 : (Long) time, where);
  }

  /** A numeric process must be an integer: 1.5 names no client, and is not silently a nemesis. */
  static long processId(Object converted, String where) {
    if (converted instanceof Long id) {
      return id;
    }
    throw HistoryException.at(
        where, "the process " + converted + " is not an integer (a client) nor a name (:nemesis).");
  }

  static OpType type(Object t, String where) {
    if (t instanceof Keyword k) {
      try {
        return OpType.valueOf(k.getName().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw HistoryException.at(
        where, "the :type must be :invoke, :ok, :fail or :info, not " + t + ".");
  }
}
