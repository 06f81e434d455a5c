package dev.faultline.checker.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads Faultline's JSON-lines histories: one object per line with {@code process}, {@code type},
 * {@code f}, and optionally {@code key}, {@code value} and {@code time} (nanoseconds). An entry
 * whose process is not an integer (a nemesis) is not a client operation and is left out.
 */
final class JsonLinesReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLinesReader() {}

  static List<Op> read(String text, String name) {
    List<Op> ops = new ArrayList<>();
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
      Op op = toOp(node, where);
      if (op != null) {
        ops.add(op);
      }
    }
    return ops;
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
