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
   * A number for SVG coordinates: rounded to two decimals, trailing zeros dropped, a dot as
   * separator whatever the locale. Charts call it for every coordinate, so it avoids formatting.
   */
  public static String num(double v) {
    if (!Double.isFinite(v) || Math.abs(v) >= 1e12) {
      return Double.isFinite(v) ? Long.toString(Math.round(v)) : "0";
    }
    long hundredths = Math.round(Math.abs(v) * 100);
    long whole = hundredths / 100;
    int frac = (int) (hundredths % 100);
    StringBuilder sb = new StringBuilder(12);
    if (v < 0 && hundredths != 0) {
      sb.append('-');
    }
    sb.append(whole);
    if (frac != 0) {
      sb.append('.').append(frac / 10);
      if (frac % 10 != 0) {
        sb.append(frac % 10);
      }
    }
    return sb.toString();
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
