package dev.faultline.checker.format;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  static List<Op> read(String text, String name) {
    EdnText.checkDepth(text, name, 1);
    LineTrackingParseable in = new LineTrackingParseable(text);
    Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
    List<Op> ops = new ArrayList<>();
    boolean inVector = false;
    int c = in.peekSignificant();
    if (c == '[' || c == '(') {
      in.skip();
      inVector = true;
    }
    while (true) {
      c = in.peekSignificant();
      String where = name + ":" + in.line();
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
        ops.add(op);
      }
    }
    return ops;
  }

  private static Op toOp(Object value, String where) {
    if (value instanceof TaggedValue tagged) {
      // Jepsen 0.3 writes each operation as a record: #jepsen.history.Op{...}.
      value = tagged.getValue();
    }
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
