package dev.faultline.sim.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The named shapes of a partition, and which directed links each blocks. Groups are concrete node
 * names chosen when the schedule is made, so a printed schedule replays without any randomness.
 */
public enum PartitionShape {
  /** Groups [[x], [others...]]: x is cut off from everyone, both ways. */
  ISOLATE("isolate"),
  /** Groups [[a...], [b...]]: no link between the two halves, both ways. */
  HALVES("halves"),
  /**
   * Groups [[a...], [bridge], [c...]]: the two sides are cut from each other, and the bridge node
   * talks to both — each side thinks it has a majority through it.
   */
  BRIDGE("bridge"),
  /**
   * Groups [[n1, n2, ..., nk]] in ring order: each node talks only to its nearest ring neighbours,
   * enough to see a majority, but no two nodes see the same majority.
   */
  MAJORITIES_RING("ring"),
  /**
   * Groups [[from...], [to...]]: messages from each {@code from} to each {@code to} are lost;
   * replies flow.
   */
  ONE_WAY("one-way");

  private final String label;

  PartitionShape(String label) {
    this.label = label;
  }

  /** The word a schedule prints for this shape. */
  public String label() {
    return label;
  }

  /** The shape printed as {@code label}, or an IllegalArgumentException naming the choices. */
  public static PartitionShape fromLabel(String label) {
    for (PartitionShape s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown partition shape '" + label + "' (isolate, halves, bridge, ring, one-way)");
  }

  void validate(List<List<String>> groups) {
    int expected =
        switch (this) {
          case ISOLATE, HALVES, ONE_WAY -> 2;
          case BRIDGE -> 3;
          case MAJORITIES_RING -> 1;
        };
    if (groups.size() != expected) {
      throw new IllegalArgumentException(
          "a " + label + " partition needs " + expected + " group(s), not " + groups.size());
    }
    Set<String> seen = new TreeSet<>();
    for (List<String> g : groups) {
      if (g.isEmpty()) {
        throw new IllegalArgumentException("a " + label + " partition has an empty group");
      }
      for (String node : g) {
        Fault.requireNodeName(node);
        if (!seen.add(node)) {
          throw new IllegalArgumentException(
              "a " + label + " partition names " + node + " twice; a node has one place in it");
        }
      }
    }
    if (this == ISOLATE && groups.get(0).size() != 1) {
      throw new IllegalArgumentException("an isolate partition cuts off one node, not several");
    }
    if (this == BRIDGE && groups.get(1).size() != 1) {
      throw new IllegalArgumentException("a bridge partition's middle node must be alone");
    }
    if (this == MAJORITIES_RING && groups.get(0).size() < 4) {
      throw new IllegalArgumentException(
          "a ring partition needs at least 4 nodes; around fewer every node sees every other");
    }
  }

  String printGroups(List<List<String>> groups) {
    if (this == ONE_WAY) {
      return String.join(",", groups.get(0)) + "->" + String.join(",", groups.get(1));
    }
    List<String> parts = new ArrayList<>();
    for (List<String> g : groups) {
      parts.add(String.join(",", g));
    }
    return String.join("|", parts);
  }

  static List<List<String>> parseGroups(PartitionShape shape, String text) {
    String[] parts = shape == ONE_WAY ? text.split("->", -1) : text.split("\\|", -1);
    List<List<String>> groups = new ArrayList<>();
    for (String p : parts) {
      groups.add(List.of(p.split(",", -1)));
    }
    return groups;
  }

  /** Calls {@code block(from, to)} for every directed link this partition cuts. */
  public void forEachBlockedLink(List<List<String>> groups, BiConsumer<String, String> block) {
    switch (this) {
      case ISOLATE, HALVES -> cutBoth(groups.get(0), groups.get(1), block);
      case BRIDGE -> cutBoth(groups.get(0), groups.get(2), block);
      case ONE_WAY -> {
        for (String from : groups.get(0)) {
          for (String to : groups.get(1)) {
            block.accept(from, to);
          }
        }
      }
      case MAJORITIES_RING -> {
        List<String> ring = groups.get(0);
        int n = ring.size();
        // Each node must see a majority (itself and majority-1 others): ceil((majority-1)/2) a
        // side.
        int reach = (n / 2 + 1) / 2;
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            int d = Math.floorMod(j - i, n);
            int dist = Math.min(d, n - d);
            if (i != j && dist > reach) {
              block.accept(ring.get(i), ring.get(j));
            }
          }
        }
      }
    }
  }

  private static void cutBoth(List<String> a, List<String> b, BiConsumer<String, String> block) {
    for (String x : a) {
      for (String y : b) {
        block.accept(x, y);
        block.accept(y, x);
      }
    }
  }
}
