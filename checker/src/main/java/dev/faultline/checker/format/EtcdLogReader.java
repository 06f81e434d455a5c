package dev.faultline.checker.format;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads the Jepsen log lines of Porcupine's etcd test data: {@code INFO jepsen.util - PROCESS TYPE
 * F VALUE}, where the value is EDN ({@code nil}, {@code 3}, {@code [1 4]}, {@code :timed-out}).
 */
final class EtcdLogReader {
  private static final Pattern LINE =
      Pattern.compile("^\\S+\\s+jepsen\\.util\\s+-\\s+(\\d+)\\s+:(\\w+)\\s+:([\\w-]+)\\s*(.*)$");

  private EtcdLogReader() {}

  static List<Op> read(String text, String name) {
    List<Op> ops = new ArrayList<>();
    Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = name + ":" + (i + 1);
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw HistoryException.at(
            where, "not a Jepsen log line of the form 'INFO jepsen.util - 0 :invoke :read nil'.");
      }
      long process;
      try {
        process = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        throw HistoryException.at(where, "the process " + m.group(1) + " is not a number.");
      }
      OpType type;
      try {
        type = OpType.valueOf(m.group(2).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw HistoryException.at(
            where, "the type must be :invoke, :ok, :fail or :info, not :" + m.group(2) + ".");
      }
      Object value = value(parser, m.group(4), where);
      ops.add(new Op(process, type, m.group(3), null, value, -1, where));
    }
    return ops;
  }

  private static Object value(Parser parser, String text, String where) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      Parseable p = Parsers.newParseable(text);
      Object v = parser.nextValue(p);
      if (parser.nextValue(p) != Parser.END_OF_INPUT) {
        throw HistoryException.at(
            where, "expected one value after the function, found '" + text + "'.");
      }
      return Values.fromEdn(v, where);
    } catch (EdnException e) {
      throw HistoryException.at(where, "the value '" + text + "' is not valid EDN.");
    }
  }
}
