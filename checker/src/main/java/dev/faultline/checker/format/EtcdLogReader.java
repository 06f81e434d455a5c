package dev.faultline.checker.format;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads the Jepsen log lines of Porcupine's etcd test data: {@code INFO jepsen.util - PROCESS TYPE
 * F VALUE}, where the value is EDN ({@code nil}, {@code 3}, {@code [1 4]}, {@code :timed-out}).
 */
final class EtcdLogReader {
  private static final String MARK = "jepsen.util - ";

  private EtcdLogReader() {}

  static List<Op> read(String text, String name, ReadDeadline deadline) {
    List<Op> ops = new ArrayList<>();
    Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
    int lineNo = 0;
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      String line = text.substring(start, end).strip();
      start = end + 1;
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      String where = name + ":" + lineNo;
      deadline.check(lineNo - 1, where);
      String[] fields = fields(line);
      if (fields == null) {
        throw HistoryException.at(
            where, "not a Jepsen log line of the form 'INFO jepsen.util - 0 :invoke :read nil'.");
      }
      if (fields[0].startsWith(":")) {
        continue; // :nemesis, or another named process that is not a client
      }
      long process = process(fields[0], where);
      OpType type;
      try {
        type = OpType.valueOf(fields[1].toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw HistoryException.at(
            where, "the type must be :invoke, :ok, :fail or :info, not :" + fields[1] + ".");
      }
      if (fields[3].isEmpty()) {
        throw HistoryException.at(
            where, "the line ends after the function: write its value, or nil for none.");
      }
      Object value = value(parser, fields[3], where);
      ops.add(new Op(process, type, fields[2], null, value, -1, where));
    }
    return ops;
  }

  private static long process(String text, String where) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      String why = text.matches("-?[0-9]+") ? " does not fit in 64 bits." : " is not an integer.";
      throw HistoryException.at(where, "the process " + text + why);
    }
  }

  /** Process, type, function (without colons) and value text of a line, or null. */
  private static String[] fields(String line) {
    int at = line.indexOf(MARK);
    if (at < 0) {
      return null;
    }
    String[] f = new String[4];
    int i = at + MARK.length();
    for (int k = 0; k < 3; k++) {
      while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (start == i || (k > 0 && line.charAt(start) != ':')) {
        return null;
      }
      f[k] = k > 0 ? line.substring(start + 1, i) : line.substring(start, i);
    }
    f[3] = line.substring(i).strip();
    return f;
  }

  /**
   * The values these logs nearly always hold (an integer, a pair of integers, a keyword), read
   * without the EDN parser, which is slow to start on each value; null for anything else.
   */
  private static Object simpleValue(String text) {
    if (text.charAt(0) == ':' && text.length() > 1 && text.indexOf(' ') < 0) {
      return text.substring(1);
    }
    if (text.charAt(0) == '[' && text.endsWith("]")) {
      String[] parts = text.substring(1, text.length() - 1).strip().split("\\s+");
      if (parts.length == 2) {
        Long a = integer(parts[0]);
        Long b = integer(parts[1]);
        return a == null || b == null ? null : List.of(a, b);
      }
      return null;
    }
    return integer(text);
  }

  private static Long integer(String t) {
    if (t.isEmpty() || t.length() > 18) {
      return null;
    }
    for (int i = t.charAt(0) == '-' && t.length() > 1 ? 1 : 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return null;
      }
    }
    return Long.parseLong(t);
  }

  private static Object value(Parser parser, String text, String where) {
    if (text.equals("nil")) {
      return null;
    }
    Object simple = simpleValue(text);
    if (simple != null) {
      return simple;
    }
    return EdnText.oneValue(parser, text, where, "expected one value after the function.");
  }
}
