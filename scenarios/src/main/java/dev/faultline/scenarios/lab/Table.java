package dev.faultline.scenarios.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small table for notebooks and the terminal: a header and rows of cells, printed aligned
 * (numbers to the right). A notebook shows its {@link #toString}.
 */
public final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(List<String> header) {
    this.header = List.copyOf(header);
  }

  public static Table of(String... header) {
    return new Table(List.of(header));
  }

  /** Adds a row; numbers print with up to four significant digits. */
  public Table row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells for " + header.size() + " columns");
    }
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(format(c));
    }
    rows.add(r);
    return this;
  }

  public List<String> header() {
    return header;
  }

  public List<List<String>> rows() {
    return List.copyOf(rows);
  }

  /** The cell in {@code row} under {@code column}. */
  public String cell(int row, String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + header);
    }
    return rows.get(row).get(i);
  }

  static String format(Object c) {
    if (c instanceof Double d) {
      if (d.isNaN()) {
        return "-";
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString(d.longValue());
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "inf" : "-inf";
      }
      String text =
          new java.math.BigDecimal(d)
              .round(new java.math.MathContext(4))
              .stripTrailingZeros()
              .toPlainString();
      return text.length() <= 12 ? text : String.format(Locale.ROOT, "%.3e", d);
    }
    if (c instanceof Float f) {
      return format((double) f);
    }
    return String.valueOf(c);
  }

  @Override
  public String toString() {
    int[] width = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> r : all) {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> r : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        String cell = r.get(i);
        boolean number =
            !cell.isEmpty()
                && (Character.isDigit(cell.charAt(0))
                    || cell.charAt(0) == '-'
                    || cell.charAt(0) == '+');
        String pad = " ".repeat(width[i] - cell.length());
        line.append(i == 0 || !number ? cell + pad : pad + cell);
        line.append(i + 1 < r.size() ? "  " : "");
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
