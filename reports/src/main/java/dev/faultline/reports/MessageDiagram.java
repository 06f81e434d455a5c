package dev.faultline.reports;

import dev.faultline.sim.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who sent what to whom, and when, for one window of a run: one lane per node, each message a line
 * from its send to its delivery (or to a cross where it was dropped). At most {@link #MAX_MESSAGES}
 * messages are drawn, the first ones sent in the window; the page says when more were left out.
 */
final class MessageDiagram {
  static final int MAX_MESSAGES = 400;
  private static final double LANE = 26;

  /** A message: sent at {@code sentMicros}, delivered or dropped at {@code endMicros}. */
  record Message(int from, int to, long sentMicros, long endMicros, boolean dropped, Object body) {}

  private MessageDiagram() {}

  /** Every message of the trace, in send order, paired with its delivery or drop. */
  static List<Message> messages(List<TraceEvent> events, long endMicros) {
    List<Message> out = new ArrayList<>();
    // Pairing by the message object itself: the network hands the same immutable object to the
    // receiver. Looked up by identity, never iterated, so the order stays the trace's.
    Map<Object, Map<Integer, ArrayDeque<Integer>>> pending = new IdentityHashMap<>();
    for (TraceEvent e : events) {
      if (e.subject() == null) {
        continue;
      }
      switch (e.kind()) {
        case SEND, DUPLICATE -> {
          long sent = e.timeMicros(); // a duplicate is recorded when its original is sent
          pending
              .computeIfAbsent(e.subject(), k -> new TreeMap<>())
              .computeIfAbsent(e.to(), k -> new ArrayDeque<>())
              .add(out.size());
          out.add(new Message(e.from(), e.to(), sent, endMicros, false, e.subject()));
        }
        case DELIVER, DROP -> {
          Map<Integer, ArrayDeque<Integer>> byTo = pending.get(e.subject());
          ArrayDeque<Integer> q = byTo == null ? null : byTo.get(e.to());
          Integer i = q == null ? null : q.poll();
          if (i != null) {
            Message m = out.get(i);
            boolean dropped = e.kind() == dev.faultline.sim.trace.TraceKind.DROP;
            out.set(i, new Message(m.from, m.to, m.sentMicros, e.timeMicros(), dropped, m.body));
          }
        }
        default -> {}
      }
    }
    return out;
  }

  /**
   * A window worth looking at: starting a little before {@code focusMicros} (or at the start when
   * it is negative), as long as holds {@link #MAX_MESSAGES} sends, and at most a fortieth of the
   * run (at least 20 ms).
   */
  static long[] window(List<TraceEvent> events, long focusMicros, long endMicros) {
    long most = Math.max(1, Math.min(endMicros, Math.max(20_000, endMicros / 40)));
    long from = focusMicros < 0 ? 0 : Math.max(0, focusMicros - most / 8);
    long to = Math.min(endMicros, from + most);
    int sends = 0;
    for (TraceEvent e : events) {
      if (e.timeMicros() >= from && e.kind() == dev.faultline.sim.trace.TraceKind.SEND) {
        if (++sends == MAX_MESSAGES) {
          to = Math.min(to, Math.max(from + 1000, e.timeMicros()));
          break;
        }
      }
    }
    return new long[] {from, to};
  }

  static String render(RunReportInput in, long fromMicros, long toMicros) {
    List<Message> all = messages(in.events(), in.simulatedMicros());
    List<Integer> nodes = NodeStates.nodes(in.events());
    Zoomable z =
        new Zoomable("messages", 0, Math.max(1, in.simulatedMicros())).view(fromMicros, toMicros);
    double height = Math.max(1, nodes.size()) * LANE + 4;
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      names.add(in.nodeName(nodes.get(i)));
      z.lane(names.get(i), i * LANE + 2, LANE);
    }
    z.extra(
        "<script type=\"application/json\" class=\"msg-data\">"
            + MessageData.json(all, names, nodes, LANE)
            + "</script>\n");
    int inWindow = 0;
    int drawn = 0;
    for (Message m : all) {
      if (m.sentMicros > toMicros || m.endMicros < fromMicros) {
        continue;
      }
      inWindow++;
      if (drawn >= MAX_MESSAGES) {
        continue;
      }
      drawn++;
      double y1 = nodes.indexOf(m.from) * LANE + 2 + LANE / 2;
      double y2 = nodes.indexOf(m.to) * LANE + 2 + LANE / 2;
      String title = title(in, m);
      z.line(
          m.sentMicros,
          m.endMicros,
          y1,
          m.dropped ? (y1 + y2) / 2 : y2,
          m.dropped ? "msg dropped" : "msg",
          title);
    }
    StringBuilder sb = new StringBuilder("<p class=\"note\" id=\"messages-note\">");
    sb.append(inWindow)
        .append(" messages between ")
        .append(Html.seconds(fromMicros))
        .append(" and ")
        .append(Html.seconds(toMicros));
    if (inWindow > drawn) {
      sb.append("; the first ").append(drawn).append(" are drawn");
    }
    sb.append(" (")
        .append(all.size())
        .append(
            " in the whole run). Dropped messages end half-way,"
                + " in red. Hover over a line for the message. Choose any window of the run"
                + " above the figure.</p>\n");
    return sb + z.render(height);
  }

  /** The tooltip of a message: who to whom, its type, when, and its text (cut at 300 chars). */
  private static String title(RunReportInput in, Message m) {
    String text = String.valueOf(m.body);
    if (text.length() > 300) {
      text = text.substring(0, 300) + "\u2026";
    }
    String name = m.body.getClass().getSimpleName();
    return in.nodeName(m.from)
        + " \u2192 "
        + in.nodeName(m.to)
        + " "
        + name
        + (m.dropped ? " (dropped)" : "")
        + " sent "
        + Html.seconds(m.sentMicros)
        + ", "
        + (m.dropped ? "dropped " : "delivered ")
        + Html.seconds(m.endMicros)
        + ": "
        + text;
  }
}
