package dev.faultline.checker.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads Faultline's JSON-lines histories: one object per line with {@code process}, {@code type},
 * {@code f}, and optionally {@code key}, {@code value} and {@code time} (nanoseconds); other fields
 * are kept as the operation's extras. An entry whose process is not an integer (a nemesis, the
 * header Faultline writes first) is not a client operation and is left out.
 *
 * <p>One streaming parser reads the whole text, without building a tree per line: histories of a
 * million operations are read in seconds (BENCHMARKS.md).
 */
final class JsonLinesReader {
  private static final JsonFactory JSON = new JsonFactory();

  /** One entry's fields, as read. */
  private static final class Entry {
    Object process;
    boolean hasProcess;
    Object type;
    Object f;
    Object key;
    Object value;
    Object time;
    Map<String, Object> extras;
  }

  private JsonLinesReader() {}

  static Parsed read(String text, String name) {
    List<Op> ops = new ArrayList<>();
    SortedMap<Integer, Map<String, Object>> extras = new TreeMap<>();
    HistoryHeader header = null;
    int lastLine = 0;
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken t;
      while ((t = next(p, name)) != null) {
        int line = p.currentTokenLocation().getLineNr();
        String where = name + ":" + line;
        if (t != JsonToken.START_OBJECT || line == lastLine) {
          throw HistoryException.at(where, "expected one JSON object per line.");
        }
        lastLine = line;
        Entry e = entry(p, name, where);
        if (header == null && ops.isEmpty() && isHeader(e)) {
          if (!(e.value instanceof Map<?, ?> m)) {
            throw HistoryException.at(where, "the faultline header's value must be an object.");
          }
          header = HistoryHeader.fromMap(m, where);
          continue;
        }
        Op op = toOp(e, where);
        if (op != null) {
          if (e.extras != null) {
            extras.put(ops.size(), e.extras);
          }
          ops.add(op);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no I/O
    }
    return new Parsed(ops, extras, header);
  }

  /** The next token; malformed JSON is named by the line the parser stopped on. */
  private static JsonToken next(JsonParser p, String name) throws IOException {
    try {
      return p.nextToken();
    } catch (JsonProcessingException e) {
      int line =
          e.getLocation() != null ? e.getLocation().getLineNr() : p.currentLocation().getLineNr();
      throw HistoryException.at(
          name + ":" + line, "not a JSON object (" + e.getOriginalMessage() + ").");
    }
  }

  /** Reads one object's fields; the parser stands on its START_OBJECT. */
  private static Entry entry(JsonParser p, String name, String where) throws IOException {
    Entry e = new Entry();
    JsonToken t;
    while ((t = next(p, name)) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      next(p, name);
      Object v = value(p, name, where);
      switch (field) {
        case "process" -> {
          e.process = v;
          e.hasProcess = true;
        }
        case "type" -> e.type = v;
        case "f" -> e.f = v;
        case "key" -> e.key = v;
        case "value" -> e.value = v;
        case "time" -> e.time = v;
        case "index" -> {
          // Jepsen's position in the history: the order of the lines says the same
        }
        default -> {
          if (e.extras == null) {
            e.extras = new LinkedHashMap<>();
          }
          e.extras.put(field, v);
        }
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw HistoryException.at(where, "expected one JSON object per line.");
    }
    return e;
  }

  /** The value the parser stands on, as an {@code Op} carries it. */
  private static Object value(JsonParser p, String name, String where) throws IOException {
    switch (p.currentToken()) {
      case VALUE_NULL:
        return null;
      case VALUE_NUMBER_INT:
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw HistoryException.at(
              where, "the integer " + p.getText() + " does not fit in 64 bits.");
        }
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_STRING:
        return p.getText();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (next(p, name) != JsonToken.END_ARRAY) {
          list.add(value(p, name, where));
        }
        return Collections.unmodifiableList(list);
      case START_OBJECT:
        // JSON keys are strings; a key that is an integer names a partition as EDN's 0 would.
        Map<Object, Object> map = new LinkedHashMap<>();
        while (next(p, name) == JsonToken.FIELD_NAME) {
          Object key = Values.jsonKey(p.currentName());
          next(p, name);
          map.put(key, value(p, name, where));
        }
        return Collections.unmodifiableMap(map);
      default:
        throw HistoryException.at(where, "unexpected " + p.getText() + ".");
    }
  }

  /** The header entry Faultline writes first: {@code {"process":"faultline","f":"history",...}}. */
  private static boolean isHeader(Entry e) {
    return HistoryHeader.JSON_PROCESS.equals(e.process) && "history".equals(e.f);
  }

  private static Op toOp(Entry e, String where) {
    if (!e.hasProcess) {
      throw HistoryException.at(where, "the operation has no \"process\".");
    }
    if (!(e.process instanceof Long process)) {
      return null;
    }
    OpType t = null;
    if (e.type instanceof String s) {
      t =
          switch (s.toLowerCase(Locale.ROOT)) {
            case "invoke" -> OpType.INVOKE;
            case "ok" -> OpType.OK;
            case "fail" -> OpType.FAIL;
            case "info" -> OpType.INFO;
            default -> null;
          };
    }
    if (t == null) {
      throw HistoryException.at(
          where,
          "the \"type\" must be \"invoke\", \"ok\", \"fail\" or \"info\", not "
              + (e.type instanceof String s ? "\"" + s + "\"" : String.valueOf(e.type))
              + ".");
    }
    if (!(e.f instanceof String f)) {
      throw HistoryException.at(where, "the operation has no \"f\" (its function).");
    }
    long timeNanos = e.time instanceof Long l ? l : -1;
    return new Op(process, t, f, e.key, e.value, timeNanos, where);
  }
}
