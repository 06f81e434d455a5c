package dev.faultline.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The timeline of a run: one lane per node with its states and the faults that struck it, one lane
 * per client process with its operations, and network-wide faults as bands across every lane.
 */
final class Timeline {
  static final int MAX_OPS = 4000;
  private static final double LANE = 18;

  private Timeline() {}

  static String render(
      RunReportInput in, List<OpSpan> ops, List<NodeStates.Span> states, List<FaultWindow> w) {
    long end = Math.max(1, in.simulatedMicros());
    Zoomable z = new Zoomable("timeline", 0, end);
    List<String> lanes = new ArrayList<>();
    Map<String, Integer> laneOf = new TreeMap<>();
    for (int id : NodeStates.nodes(in.events())) {
      lanes.add(in.nodeName(id));
    }
    for (FaultWindow f : w) {
      if (f.node() != null && !lanes.contains(f.node())) {
        lanes.add(f.node());
      }
    }
    int nodeLanes = lanes.size();
    Map<Long, Integer> processLane = new TreeMap<>();
    ops.forEach(op -> processLane.put(op.process(), 0));
    for (long p : processLane.keySet()) {
      processLane.put(p, lanes.size());
      lanes.add("process " + p);
    }
    for (int i = 0; i < lanes.size(); i++) {
      laneOf.put(lanes.get(i), i);
    }
    double height = Math.max(1, lanes.size()) * LANE + 4;
    for (FaultWindow f : w) {
      if (f.node() == null) {
        z.bar(f.startMicros(), f.endMicros(), 0, height, fill(f.family()), "band", bandTitle(f));
      }
    }
    for (int i = 0; i < lanes.size(); i++) {
      z.lane(lanes.get(i), i * LANE + 2, LANE);
    }
    for (NodeStates.Span s : states) {
      Integer lane = laneOf.get(in.nodeName(s.node()));
      String title =
          in.nodeName(s.node()) + " " + s.state() + " " + span(s.startMicros(), s.endMicros());
      z.bar(
          s.startMicros(),
          s.endMicros(),
          lane * LANE + 7,
          LANE - 10,
          state(s.state()),
          "state",
          title);
    }
    for (FaultWindow f : w) {
      if (f.node() != null) {
        String title = f.label() + " " + span(f.startMicros(), f.endMicros());
        z.bar(
            f.startMicros(),
            f.endMicros(),
            laneOf.get(f.node()) * LANE + 3,
            3,
            fill(f.family()),
            "fault",
            title);
      }
    }
    int drawn = 0;
    for (OpSpan op : ops) {
      if (drawn++ >= MAX_OPS) {
        break;
      }
      int lane = processLane.get(op.process());
      String title =
          "process "
              + op.process()
              + ": "
              + op.label()
              + " "
              + span(op.startMicros(), op.endMicros());
      z.bar(
          op.startMicros(),
          op.endMicros(),
          lane * LANE + 5,
          LANE - 6,
          state(op.outcome()),
          "op op-" + op.outcome().toLowerCase(java.util.Locale.ROOT),
          title);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<p class=\"note\">")
        .append(nodeLanes)
        .append(" node lanes, ")
        .append(processLane.size())
        .append(" process lanes");
    if (ops.size() > MAX_OPS) {
      sb.append("; the first ")
          .append(MAX_OPS)
          .append(" of ")
          .append(ops.size())
          .append(" operations are drawn");
    }
    sb.append(". Hover over a bar for what it is.</p>\n");
    return sb + z.render(height);
  }

  static String span(long a, long b) {
    return Html.seconds(a) + "\u2013" + Html.seconds(b);
  }

  private static String bandTitle(FaultWindow f) {
    return f.label() + " " + span(f.startMicros(), f.endMicros());
  }

  private static String fill(String family) {
    return SvgChart.hex(FaultColours.of(family));
  }

  private static String state(String name) {
    return SvgChart.hex(SvgChart.colour(name));
  }
}
