package dev.faultline.checker.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.checker.history.HistoryException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
      throw HistoryException.at(where, "the integer " + b + " does not fit in 64 bits.");
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Character c) {
      return c.toString();
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
    throw HistoryException.at(where, "unsupported value " + v + ".");
  }

  /** Converts a JSON value: integers become longs, arrays lists. */
  static Object fromJson(JsonNode v, String where) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      if (!v.canConvertToLong()) {
        throw HistoryException.at(where, "the integer " + v + " does not fit in 64 bits.");
      }
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
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
