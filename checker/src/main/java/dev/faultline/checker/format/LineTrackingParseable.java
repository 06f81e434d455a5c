package dev.faultline.checker.format;

import java.util.Arrays;
import us.bpsm.edn.parser.Parseable;

/**
 * Text handed to the EDN parser one character at a time, so that the reader knows on which line
 * each value starts and can name it in an error.
 */
final class LineTrackingParseable implements Parseable {
  private final String text;
  private final int[] lineStarts;
  private int pos;

  /** Counts the lines of {@code text}, with the clock checked every 64K characters. */
  LineTrackingParseable(String text, String name, ReadDeadline deadline) {
    this.text = text;
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if ((i & 0xffff) == 0) {
        deadline.checkNow(name);
      }
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  @Override
  public int read() {
    return pos < text.length() ? text.charAt(pos++) : END_OF_INPUT;
  }

  @Override
  public void unread(int ch) {
    if (ch != END_OF_INPUT) {
      pos--;
    }
  }

  @Override
  public void close() {}

  /** Skips whitespace, commas and comments; returns the next character without consuming it. */
  int peekSignificant() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ';') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (Character.isWhitespace(c) || c == ',') {
        pos++;
      } else {
        return c;
      }
    }
    return END_OF_INPUT;
  }

  void skip() {
    pos++;
  }

  /** The 1-based line of the current position. */
  int line() {
    int i = Arrays.binarySearch(lineStarts, pos);
    return i >= 0 ? i + 1 : -i - 1;
  }
}
