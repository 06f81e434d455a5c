package dev.faultline.reports;

import dev.faultline.sim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each node was over time, read from a full trace: its announced role (leader, follower,
 * candidate, ...), or {@code down} between a crash and a restart, or {@code paused} between a pause
 * and a resume. A node that never announced a role is {@code up}.
 */
final class NodeStates {
  /** One node in one state from {@code startMicros} to {@code endMicros}. */
  record Span(int node, String state, long startMicros, long endMicros) {}

  private NodeStates() {}

  /** Every node that appears in the trace, in id order. */
  static List<Integer> nodes(List<TraceEvent> events) {
    Map<Integer, Boolean> seen = new TreeMap<>();
    for (TraceEvent e : events) {
      if (e.from() >= 0) {
        seen.put(e.from(), true);
      }
      if (e.to() >= 0) {
        seen.put(e.to(), true);
      }
    }
    return new ArrayList<>(seen.keySet());
  }

  /** The nodes that announced a role, crashed or paused: the rows of a role chart. */
  static List<Integer> nodesWithStates(List<TraceEvent> events) {
    Map<Integer, Boolean> seen = new TreeMap<>();
    for (TraceEvent e : events) {
      switch (e.kind()) {
        case ROLE, CRASH, PAUSE -> seen.put(e.from(), true);
        default -> {}
      }
    }
    return new ArrayList<>(seen.keySet());
  }

  /** The spans of every node, node by node, each in time order; adjacent equal states merge. */
  static List<Span> spans(List<TraceEvent> events, long endMicros) {
    Map<Integer, Tracker> byNode = new TreeMap<>();
    for (TraceEvent e : events) {
      int node = e.from();
      if (node < 0) {
        continue;
      }
      Tracker t = byNode.computeIfAbsent(node, Tracker::new);
      switch (e.kind()) {
        case START, RESTART -> {
          t.down = false;
          t.paused = false;
          t.role = null;
        }
        case CRASH -> {
          t.down = true;
          t.paused = false;
        }
        case PAUSE -> t.paused = true;
        case RESUME -> t.paused = false;
        case ROLE -> t.role = String.valueOf(e.subject());
        default -> {
          continue;
        }
      }
      t.enter(e.timeMicros());
    }
    List<Span> out = new ArrayList<>();
    for (Tracker t : byNode.values()) {
      t.close(endMicros);
      out.addAll(t.spans);
    }
    return out;
  }

  private static final class Tracker {
    final int node;
    final List<Span> spans = new ArrayList<>();
    boolean down;
    boolean paused;
    String role;
    String current;
    long since;

    Tracker(int node) {
      this.node = node;
    }

    String state() {
      if (down) {
        return "down";
      }
      if (paused) {
        return "paused";
      }
      return role == null || role.equals("down") ? "up" : role;
    }

    void enter(long now) {
      String s = state();
      if (s.equals(current)) {
        return;
      }
      close(now);
      current = s;
      since = now;
    }

    void close(long now) {
      if (current != null && now > since) {
        spans.add(new Span(node, current, since, now));
      }
      since = now;
    }
  }
}
