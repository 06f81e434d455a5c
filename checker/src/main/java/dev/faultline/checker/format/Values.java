package dev.faultline.checker.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.checker.history.HistoryException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.Symbol;

/** Turns parsed EDN and JSON values into the value shapes an {@code Op} allows. */
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
    if (v instanceof Map<?, ?>) {
      throw HistoryException.at(where, "a map is not a value an operation can carry.");
    }
    throw HistoryException.at(
        where,
        "unsupported value "
            + brief(v)
            + " (a value is nil, a number, a string, a keyword, a boolean or a list of those).");
  }

  /** {@code d}, or a HistoryException when the number it was read from is beyond a double. */
  private static double finite(double d, String where) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw HistoryException.at(
          where, "a number beyond the range of a 64-bit float (such as 1e999).");
    }
    return d;
  }

  private static String brief(Object v) {
    String s = String.valueOf(v);
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  /** Converts a JSON value: integers become longs, arrays lists. */
  static Object fromJson(JsonNode v, String where) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      if (!v.canConvertToLong()) {
        throw HistoryException.at(where, "the integer " + brief(v) + " does not fit in 64 bits.");
      }
      return v.longValue();
    }
    if (v.isNumber()) {
      return finite(v.doubleValue(), where);
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isArray()) {
      List<Object> out = new ArrayList<>(v.size());
      for (JsonNode e : v) {
        out.add(fromJson(e, where));
      }
      return Collections.unmodifiableList(out);
    }
    throw HistoryException.at(where, "an object is not a value an operation can carry.");
  }
}
