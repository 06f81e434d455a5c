package dev.faultline.checker.format;

import dev.faultline.checker.history.HistoryException;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Guards around edn-java, which parses recursively and lets exceptions of the value constructors it
 * calls (a {@code #uuid} that is not one, an {@code #inst} that is not a date) escape: the text's
 * nesting is measured before it is parsed, and anything the parser throws becomes a sentence.
 */
final class EdnText {
  /**
   * The deepest nesting of collections a history may hold: a Jepsen history vector, an operation
   * map and a value nested a few levels (a list-append transaction) come to five or six; far deeper
   * text is not a history, and would overflow the parser's stack.
   */
  static final int MAX_DEPTH = 100;

  private EdnText() {}

  /**
   * Throws a HistoryException at the line where {@code text} nests collections deeper than {@link
   * #MAX_DEPTH}. Strings, character literals and comments are skipped, as the parser skips them.
   *
   * @param where the file name (a line number is added), or the whole location when {@code
   *     firstLine} is 0
   */
  static void checkDepth(String text, String where, int firstLine) {
    checkDepth(text, where, firstLine, ReadDeadline.NONE);
  }

  /** As above, with the clock checked every 64K characters. */
  static void checkDepth(String text, String where, int firstLine, ReadDeadline deadline) {
    int depth = 0;
    int line = firstLine;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if ((i & 0xffff) == 0) {
        deadline.checkNow(where);
      }
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> line++;
        case '"' -> {
          for (i++; i < n && text.charAt(i) != '"'; i++) {
            if (text.charAt(i) == '\\') {
              i++;
            } else if (text.charAt(i) == '\n') {
              line++;
            }
          }
        }
        case ';' -> {
          while (i + 1 < n && text.charAt(i + 1) != '\n') {
            i++;
          }
        }
        case '\\' -> i++; // a character literal such as \( is not a bracket
        case '(', '[', '{' -> {
          if (++depth > MAX_DEPTH) {
            throw HistoryException.at(
                firstLine == 0 ? where : where + ":" + line,
                "collections nested more than " + MAX_DEPTH + " deep; no history needs that.");
          }
        }
        case ')', ']', '}' -> depth = Math.max(0, depth - 1);
        default -> {}
      }
    }
  }

  /**
   * The next value of {@code in}, or {@link Parser#END_OF_INPUT}; any failure of the parser is a
   * HistoryException at {@code where}.
   */
  static Object next(Parser parser, Parseable in, String where) {
    try {
      return parser.nextValue(in);
    } catch (EdnException | IllegalArgumentException | ArithmeticException e) {
      // IllegalArgumentException covers #uuid "nope", NumberFormatException and bad #inst dates.
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw HistoryException.at(where, "not valid EDN (" + brief(m) + ").");
    }
  }

  /** Parses {@code text} as exactly one EDN value, converted as {@link Values#fromEdn} does. */
  static Object oneValue(Parser parser, String text, String where, String expected) {
    checkDepth(text, where, 0);
    Parseable p = Parsers.newParseable(text);
    Object v = next(parser, p, where);
    if (v == Parser.END_OF_INPUT || next(parser, p, where) != Parser.END_OF_INPUT) {
      throw HistoryException.at(where, expected);
    }
    return Values.fromEdn(v, where);
  }

  /** A parser's message made fit for one sentence: first line, bounded, no final period. */
  static String brief(String message) {
    String m = message.strip().lines().findFirst().orElse("");
    if (m.length() > 120) {
      m = m.substring(0, 117) + "...";
    }
    while (m.endsWith(".")) {
      m = m.substring(0, m.length() - 1);
    }
    return m;
  }
}
