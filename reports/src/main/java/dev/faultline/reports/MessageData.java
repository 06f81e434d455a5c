package dev.faultline.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The messages of a run as JSON for the page's script, which redraws the message diagram for any
 * window the reader chooses. Kept small: times, lanes and a type index per message, at most {@link
 * #MAX_HELD} messages. Text is escaped so that the JSON can sit in a script element.
 */
final class MessageData {
  static final int MAX_HELD = 20_000;

  private MessageData() {}

  /**
   * {@code {"names":[...],"y":[...],"types":[...],"max":N,"total":N,"m":[[sent,end,from,to,
   * dropped,type],...]}} where from and to are lane indexes.
   */
  static String json(
      List<MessageDiagram.Message> all, List<String> laneNames, List<Integer> nodes, double lane) {
    StringBuilder sb = new StringBuilder("{\"names\":[");
    for (int i = 0; i < laneNames.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(str(laneNames.get(i)));
    }
    sb.append("],\"y\":[");
    for (int i = 0; i < laneNames.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(Html.num(i * lane + 2 + lane / 2));
    }
    Map<String, Integer> types = new TreeMap<>();
    List<String> typeList = new ArrayList<>();
    StringBuilder m = new StringBuilder();
    for (MessageDiagram.Message msg : all.subList(0, Math.min(MAX_HELD, all.size()))) {
      String type = msg.body().getClass().getSimpleName();
      Integer t = types.get(type);
      if (t == null) {
        t = typeList.size();
        types.put(type, t);
        typeList.add(type);
      }
      m.append(m.length() == 0 ? "" : ",")
          .append('[')
          .append(msg.sentMicros())
          .append(',')
          .append(msg.endMicros())
          .append(',')
          .append(nodes.indexOf(msg.from()))
          .append(',')
          .append(nodes.indexOf(msg.to()))
          .append(',')
          .append(msg.dropped() ? 1 : 0)
          .append(',')
          .append(t)
          .append(']');
    }
    sb.append("],\"types\":[");
    for (int i = 0; i < typeList.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(str(typeList.get(i)));
    }
    sb.append("],\"max\":").append(MessageDiagram.MAX_MESSAGES);
    sb.append(",\"total\":").append(all.size());
    return sb.append(",\"m\":[").append(m).append("]}").toString();
  }

  /** A JSON string that cannot end a script element or open markup. */
  static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
