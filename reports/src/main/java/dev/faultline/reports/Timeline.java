package dev.faultline.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The timeline of a run: one lane per node with its states and the faults that struck it, one lane
 * per client process with its operations, and network-wide faults as bands across every lane.
 */
final class Timeline {
  static final int MAX_OPS = 4000;
  private static final double LANE = 18;

  private final List<String> lanes = new ArrayList<>();
  private final Map<String, Integer> laneOf = new TreeMap<>();
  private final Map<Long, Integer> processLane = new TreeMap<>();
  private final Zoomable z;

  private Timeline(long endMicros) {
    z = new Zoomable("timeline", 0, Math.max(1, endMicros));
  }

  static String render(
      RunReportInput in, List<OpSpan> ops, List<NodeStates.Span> states, List<FaultWindow> w) {
    Timeline t = new Timeline(in.simulatedMicros());
    int nodeLanes = t.layOut(in, ops, w);
    double height = Math.max(1, t.lanes.size()) * LANE + 4;
    t.faults(w, height);
    for (int i = 0; i < t.lanes.size(); i++) {
      t.z.lane(t.lanes.get(i), i * LANE + 2, LANE);
    }
    t.states(in, states);
    t.nodeFaults(w);
    t.operations(ops, in::processName);
    StringBuilder sb = new StringBuilder("<p class=\"note\">");
    sb.append(nodeLanes).append(" node lanes, ");
    sb.append(t.processLane.size()).append(" process lanes");
    if (ops.size() > MAX_OPS) {
      sb.append("; the first ").append(MAX_OPS);
      sb.append(" of ").append(ops.size()).append(" operations are drawn");
    }
    sb.append(". Hover over a bar for what it is.</p>\n");
    return sb + t.z.render(height);
  }

  /** Names the lanes: nodes of the trace, nodes the faults name, then processes; returns nodes. */
  private int layOut(RunReportInput in, List<OpSpan> ops, List<FaultWindow> w) {
    for (int id : NodeStates.nodes(in.events())) {
      lanes.add(in.nodeName(id));
    }
    for (FaultWindow f : w) {
      if (f.node() != null && !lanes.contains(f.node())) {
        lanes.add(f.node());
      }
    }
    int nodeLanes = lanes.size();
    ops.forEach(op -> processLane.put(op.process(), 0));
    for (long p : processLane.keySet()) {
      processLane.put(p, lanes.size());
      lanes.add(in.processName(p));
    }
    for (int i = 0; i < lanes.size(); i++) {
      laneOf.put(lanes.get(i), i);
    }
    return nodeLanes;
  }

  private void faults(List<FaultWindow> w, double height) {
    for (FaultWindow f : w) {
      if (f.node() == null) {
        z.bar(f.startMicros(), f.endMicros(), 0, height, fill(f.family()), "band", title(f));
      }
    }
  }

  private void nodeFaults(List<FaultWindow> w) {
    for (FaultWindow f : w) {
      if (f.node() != null) {
        double y = laneOf.get(f.node()) * LANE + 3;
        z.bar(f.startMicros(), f.endMicros(), y, 3, fill(f.family()), "fault", title(f));
      }
    }
  }

  private void states(RunReportInput in, List<NodeStates.Span> states) {
    for (NodeStates.Span s : states) {
      String node = in.nodeName(s.node());
      String title = node + " " + s.state() + " " + span(s.startMicros(), s.endMicros());
      double y = laneOf.get(node) * LANE + 7;
      z.bar(s.startMicros(), s.endMicros(), y, LANE - 10, colour(s.state()), "state", title);
    }
  }

  private void operations(List<OpSpan> ops, java.util.function.LongFunction<String> names) {
    for (OpSpan op : ops.subList(0, Math.min(MAX_OPS, ops.size()))) {
      String title =
          names.apply(op.process())
              + ": "
              + op.label()
              + " "
              + span(op.startMicros(), op.endMicros());
      String cls = "op op-" + op.outcome().toLowerCase(Locale.ROOT);
      double y = processLane.get(op.process()) * LANE + 5;
      z.bar(op.startMicros(), op.endMicros(), y, LANE - 6, colour(op.outcome()), cls, title);
    }
  }

  static String span(long a, long b) {
    return Html.seconds(a) + "\u2013" + Html.seconds(b);
  }

  private static String title(FaultWindow f) {
    return f.label() + " " + span(f.startMicros(), f.endMicros());
  }

  private static String fill(String family) {
    return SvgChart.hex(FaultColours.of(family));
  }

  private static String colour(String name) {
    return SvgChart.hex(SvgChart.colour(name));
  }
}
