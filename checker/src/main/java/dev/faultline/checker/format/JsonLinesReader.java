package dev.faultline.checker.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads Faultline's JSON-lines histories: one object per line with {@code process}, {@code type},
 * {@code f}, and optionally {@code key}, {@code value} and {@code time} (nanoseconds). An entry
 * whose process is not an integer (a nemesis) is not a client operation and is left out.
 */
final class JsonLinesReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLinesReader() {}

  private static final Set<String> OP_FIELDS =
      new TreeSet<>(List.of("process", "type", "f", "key", "value", "time", "index"));

  static Parsed read(String text, String name) {
    List<Op> ops = new ArrayList<>();
    SortedMap<Integer, Map<String, Object>> extras = new TreeMap<>();
    HistoryHeader header = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = name + ":" + (i + 1);
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw HistoryException.at(where, "not a JSON object (" + e.getOriginalMessage() + ").");
      }
      if (node == null || !node.isObject()) {
        throw HistoryException.at(where, "expected one JSON object per line.");
      }
      if (header == null && ops.isEmpty() && isHeader(node)) {
        if (!(Values.fromJson(node.get("value"), where) instanceof Map<?, ?> m)) {
          throw HistoryException.at(where, "the faultline header's value must be an object.");
        }
        header = HistoryHeader.fromMap(m, where);
        continue;
      }
      Op op = toOp(node, where);
      if (op != null) {
        Map<String, Object> more = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          if (!OP_FIELDS.contains(e.getKey())) {
            more.put(e.getKey(), Values.fromJson(e.getValue(), where));
          }
        }
        if (!more.isEmpty()) {
          extras.put(ops.size(), more);
        }
        ops.add(op);
      }
    }
    return new Parsed(ops, extras, header);
  }

  /** The header entry Faultline writes first: {@code {"process":"faultline","f":"history",...}}. */
  private static boolean isHeader(JsonNode node) {
    JsonNode p = node.get("process");
    JsonNode f = node.get("f");
    return p != null
        && HistoryHeader.JSON_PROCESS.equals(p.textValue())
        && f != null
        && "history".equals(f.textValue());
  }

  private static Op toOp(JsonNode node, String where) {
    JsonNode process = node.get("process");
    if (process == null) {
      throw HistoryException.at(where, "the operation has no \"process\".");
    }
    if (!process.isIntegralNumber()) {
      return null;
    }
    JsonNode type = node.get("type");
    OpType t = null;
    if (type != null && type.isTextual()) {
      try {
        t = OpType.valueOf(type.textValue().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        t = null;
      }
    }
    if (t == null) {
      throw HistoryException.at(
          where,
          "the \"type\" must be \"invoke\", \"ok\", \"fail\" or \"info\", not " + type + ".");
    }
    JsonNode f = node.get("f");
    if (f == null || !f.isTextual()) {
      throw HistoryException.at(where, "the operation has no \"f\" (its function).");
    }
    JsonNode time = node.get("time");
    long timeNanos = time != null && time.isIntegralNumber() ? time.longValue() : -1;
    return new Op(
        process.longValue(),
        t,
        f.textValue(),
        Values.fromJson(node.get("key"), where),
        Values.fromJson(node.get("value"), where),
        timeNanos,
        where);
  }
}
