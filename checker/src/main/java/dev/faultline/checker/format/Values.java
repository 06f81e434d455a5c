package dev.faultline.checker.format;

import dev.faultline.checker.history.HistoryException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.Symbol;

/**
 * Turns parsed EDN and JSON values into the value shapes an {@code Op} allows: null, numbers,
 * strings, booleans, lists, and maps (kept in file order) for histories such as Jepsen's kafka
 * polls.
 */
final class Values {
  private Values() {}

  /** Converts an EDN value: keywords and symbols become their names, collections lists. */
  static Object fromEdn(Object v, String where) {
    if (v == null || v instanceof Long || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Keyword k) {
      return k.getName();
    }
    if (v instanceof Symbol s) {
      return s.getName();
    }
    if (v instanceof BigInteger b) {
      if (b.bitLength() < 64) {
        return b.longValue(); // written with an N suffix, but it fits
      }
      throw HistoryException.at(where, "the integer " + brief(b) + " does not fit in 64 bits.");
    }
    if (v instanceof Number n) {
      return finite(n.doubleValue(), where);
    }
    if (v instanceof Character c) {
      return c.toString();
    }
    if (v instanceof UUID u) {
      return u.toString(); // equal UUIDs compare equal as strings
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      for (Object e : c) {
        out.add(fromEdn(e, where));
      }
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Map<?, ?> m) {
      // Jepsen's kafka workload returns polls as {partition [[offset value] ...]}.
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(fromEdn(e.getKey(), where), fromEdn(e.getValue(), where));
      }
      return Collections.unmodifiableMap(out);
    }
    throw HistoryException.at(
        where,
        "unsupported value "
            + brief(v)
            + " (a value is nil, a number, a string, a keyword, a boolean or a list of those).");
  }

  /** {@code d}, or a HistoryException when the number it was read from is beyond a double. */
  static double finite(double d, String where) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw HistoryException.at(
          where, "a number beyond the range of a 64-bit float (such as 1e999).");
    }
    return d;
  }

  static String brief(Object v) {
    String s = String.valueOf(v);
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  /** A JSON object's key: an integer-looking key becomes a number, as EDN would have it. */
  static Object jsonKey(String key) {
    if (!key.isEmpty() && key.length() < 19 && key.matches("-?[0-9]+")) {
      return Long.parseLong(key);
    }
    return key;
  }
}
