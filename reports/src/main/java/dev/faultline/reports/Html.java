package dev.faultline.reports;

import java.util.Locale;

/**
 * Escaping for everything a report writes into HTML or SVG. Every value that comes from a history,
 * a trace or a configuration goes through {@link #esc} before it reaches the page; nothing else
 * builds markup from data.
 */
public final class Html {
  private Html() {}

  /** {@code value}'s text, safe inside an element or a quoted attribute; null gives "null". */
  public static String esc(Object value) {
    String s = String.valueOf(value);
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            sb.append("&#xfffd;"); // control characters are not allowed in HTML text
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * A number for SVG coordinates: two decimals at most, a dot as separator, whatever the locale.
   */
  public static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.2f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Virtual microseconds as seconds with three decimals, e.g. {@code 1.250s}. */
  public static String seconds(long micros) {
    return String.format(Locale.ROOT, "%.3fs", micros / 1e6);
  }

  /** A figure for a table: integers without decimals, others with three significant decimals. */
  public static String figure(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
