package dev.faultline.checker.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
 * are kept as the operation's extras. An entry whose process is not a number (a nemesis, the header
 * Faultline writes first) is not a client operation and is left out.
 *
 * <p>Each line is read by a streaming parser straight into the operation, without a tree of nodes:
 * a million operations read in a few seconds (BENCHMARKS.md).
 */
final class JsonLinesReader {
  /**
   * Strict where Jackson is lenient by default: a key given twice is an error rather than silently
   * overwritten; nesting is bounded as for EDN. Text after a line's object is refused below.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(EdnText.MAX_DEPTH).build())
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** One entry's fields, as read. */
  private static final class Entry {
    boolean hasProcess;
    Object process;
    Object type;
    Object f;
    Object key;
    Object value;
    boolean hasTime;
    Object time;
    Map<String, Object> extras;
  }

  private JsonLinesReader() {}

  static Parsed read(String text, String name, ReadDeadline deadline) {
    List<Op> ops = new ArrayList<>();
    SortedMap<Integer, Map<String, Object>> extras = new TreeMap<>();
    HistoryHeader header = null;
    int lineNo = 0;
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      String line = text.substring(start, end).strip();
      start = end + 1;
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      String where = name + ":" + lineNo;
      deadline.check(lineNo - 1, where);
      Entry e = parse(line, where);
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
    return new Parsed(ops, extras, header);
  }

  /** One line's object, with nothing after it. */
  private static Entry parse(String line, String where) {
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw HistoryException.at(where, "expected one JSON object per line.");
      }
      Entry e = entry(p, where);
      if (p.nextToken() != null) {
        throw HistoryException.at(where, "text after the line's JSON object (one object a line).");
      }
      return e;
    } catch (StreamConstraintsException e) {
      throw HistoryException.at(
          where,
          "collections nested more than " + EdnText.MAX_DEPTH + " deep; no history needs that.");
    } catch (JsonProcessingException e) {
      String why = String.valueOf(e.getOriginalMessage());
      throw HistoryException.at(where, "not a JSON object (" + EdnText.brief(why) + ").");
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String does no I/O
    }
  }

  /** Reads one object's fields; the parser stands on its START_OBJECT. */
  private static Entry entry(JsonParser p, String where) throws IOException {
    Entry e = new Entry();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      Object v = value(p, where);
      switch (field) {
        case "process" -> {
          e.hasProcess = true;
          e.process = v;
        }
        case "type" -> e.type = v;
        case "f" -> e.f = v;
        case "key" -> e.key = v;
        case "value" -> e.value = v;
        case "time" -> {
          e.hasTime = true;
          e.time = v;
        }
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
    return e;
  }

  /** The value the parser stands on, as an {@code Op} carries it. */
  private static Object value(JsonParser p, String where) throws IOException {
    switch (p.currentToken()) {
      case VALUE_NULL:
        return null;
      case VALUE_NUMBER_INT:
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw HistoryException.at(
              where, "the integer " + Values.brief(p.getText()) + " does not fit in 64 bits.");
        }
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return Values.finite(p.getDoubleValue(), where);
      case VALUE_STRING:
        return p.getText();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p, where));
        }
        return Collections.unmodifiableList(list);
      case START_OBJECT:
        // JSON keys are strings; a key that is an integer names a partition as EDN's 0 would.
        Map<Object, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          Object key = Values.jsonKey(p.currentName());
          p.nextToken();
          map.put(key, value(p, where));
        }
        return Collections.unmodifiableMap(map);
      default:
        throw HistoryException.at(where, "unexpected " + Values.brief(p.getText()) + ".");
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
    if (!(e.process instanceof Number)) {
      return null; // "nemesis", or another named process that is not a client
    }
    long processId = EdnReader.processId(e.process, where);
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
      String shown = e.type instanceof String s ? "\"" + s + "\"" : String.valueOf(e.type);
      throw HistoryException.at(
          where,
          "the \"type\" must be \"invoke\", \"ok\", \"fail\" or \"info\", not " + shown + ".");
    }
    if (!(e.f instanceof String f)) {
      throw HistoryException.at(where, "the operation has no \"f\" (its function).");
    }
    long timeNanos = -1;
    if (e.hasTime && e.time != null) {
      if (!(e.time instanceof Long l)) {
        throw HistoryException.at(
            where, "the \"time\" " + e.time + " is not a 64-bit integer (nanoseconds).");
      }
      timeNanos = l;
    }
    return new Op(processId, t, f, e.key, e.value, timeNanos, where);
  }
}
