package dev.faultline.checker.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
  /**
   * Strict where Jackson is lenient by default: a second value or trailing text on a line, or a key
   * given twice, is an error rather than silently ignored; nesting is bounded as for EDN.
   */
  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(EdnText.MAX_DEPTH).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private JsonLinesReader() {}

  static List<Op> read(String text, String name) {
    List<Op> ops = new ArrayList<>();
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
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (StreamConstraintsException e) {
        throw HistoryException.at(
            where,
            "collections nested more than " + EdnText.MAX_DEPTH + " deep; no history needs that.");
      } catch (JsonProcessingException e) {
        String why = String.valueOf(e.getOriginalMessage());
        if (why.startsWith("Trailing token")) {
          throw HistoryException.at(
              where, "text after the line's JSON object (one object a line).");
        }
        throw HistoryException.at(where, "not a JSON object (" + EdnText.brief(why) + ").");
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
    if (!process.isNumber()) {
      return null; // "nemesis", or another named process that is not a client
    }
    long processId = EdnReader.processId(Values.fromJson(process, where), where);
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
    long timeNanos = -1;
    if (time != null && !time.isNull()) {
      if (!time.isIntegralNumber() || !time.canConvertToLong()) {
        throw HistoryException.at(
            where, "the \"time\" " + time + " is not a 64-bit integer (nanoseconds).");
      }
      timeNanos = time.longValue();
    }
    return new Op(
        processId,
        t,
        f.textValue(),
        Values.fromJson(node.get("key"), where),
        Values.fromJson(node.get("value"), where),
        timeNanos,
        where);
  }
}
