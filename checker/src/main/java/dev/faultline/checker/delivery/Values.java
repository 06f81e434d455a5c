package dev.faultline.checker.delivery;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Value helpers shared by the delivery checks: one numeric type, one total order, one rendering.
 *
 * <p>Readers may hand us an {@link Integer} where another reader hands a {@link Long}; both must
 * name the same record, so every number is widened to {@code Long} before it is compared. The order
 * is total over everything a history may hold, so that reports never depend on hashing.
 */
final class Values {

  /** Numbers first (by value), then strings, then lists (element by element), then the rest. */
  static final Comparator<Object> ORDER = Values::compare;

  private Values() {}

  /** Widens integral numbers to {@code Long} and normalizes list elements the same way. */
  static Object normalize(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object element : list) {
        out.add(normalize(element));
      }
      return java.util.Collections.unmodifiableList(out);
    }
    return value;
  }

  /** Renders a value the way Jepsen prints it: {@code nil}, numbers, strings, {@code [a b]}. */
  static String render(Object value) {
    if (value == null) {
      return "nil";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Values::render).collect(Collectors.joining(" ", "[", "]"));
    }
    return value.toString();
  }

  /** Renders at most {@code limit} elements, then how many more there are. */
  static String renderAll(List<?> items, int limit) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < items.size() && i < limit; i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(render(items.get(i)));
    }
    if (items.size() > limit) {
      out.append(" and ").append(items.size() - limit).append(" more");
    }
    return out.toString();
  }

  private static int rank(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Number) {
      return 1;
    }
    if (value instanceof String) {
      return 2;
    }
    if (value instanceof List<?>) {
      return 3;
    }
    return 4;
  }

  private static int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    int byRank = Integer.compare(rank(a), rank(b));
    if (byRank != 0) {
      return byRank;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      return compareLists(x, y);
    }
    return a == null ? 0 : a.toString().compareTo(b.toString());
  }

  private static int compareLists(List<?> x, List<?> y) {
    for (int i = 0; i < x.size() && i < y.size(); i++) {
      int c = compare(x.get(i), y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }
}
