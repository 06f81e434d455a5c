package dev.faultline.models.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * A consistent-hashing ring with virtual nodes: an immutable value.
 *
 * <p>Each physical node owns {@code vnodesPerNode} tokens placed by {@link RingHash#token}. A key's
 * coordinator is the node of the first token at or after the key's position, clockwise (increasing
 * unsigned value, wrapping past {@code 2^64 - 1} to the smallest token). Two tokens at the same
 * position are ordered by node name, then token index, so placement never depends on the order in
 * which nodes were given. Joining or leaving builds a new ring; keys move only to the joining node,
 * or away from the leaving one.
 *
 * <p>Nodes are kept sorted by name: {@link #nodes()} and every node index used here refer to that
 * order. Two rings are equal when they hold the same nodes with the same number of tokens each.
 */
public final class Ring {
  private final List<String> nodes;
  private final int vnodesPerNode;

  /** Token positions, sorted in unsigned order. */
  private final long[] tokens;

  /** The node index owning each token of {@link #tokens}. */
  private final int[] owners;

  private Ring(List<String> nodes, int vnodesPerNode, long[] tokens, int[] owners) {
    this.nodes = List.copyOf(nodes);
    this.vnodesPerNode = vnodesPerNode;
    this.tokens = tokens;
    this.owners = owners;
  }

  /**
   * Places every token of {@code sortedNodes} in clockwise order. Positions are sorted as
   * primitives; each token then takes the first free slot of its position, and since tokens are
   * visited in (node, index) order, equal positions end up in that order: the documented tie-break.
   */
  private static Ring place(List<String> sortedNodes, int vnodesPerNode) {
    int count = sortedNodes.size() * vnodesPerNode;
    long[][] byNode = new long[sortedNodes.size()][];
    long[] biased = new long[count];
    for (int node = 0; node < sortedNodes.size(); node++) {
      byNode[node] = RingHash.tokens(sortedNodes.get(node), vnodesPerNode);
      for (int i = 0; i < vnodesPerNode; i++) {
        biased[node * vnodesPerNode + i] = byNode[node][i] ^ Long.MIN_VALUE;
      }
    }
    // Signed order of (position XOR sign bit) is unsigned order of positions.
    Arrays.sort(biased);
    long[] tokens = new long[count];
    int[] owners = new int[count];
    boolean[] filled = new boolean[count];
    for (int node = 0; node < byNode.length; node++) {
      for (long position : byNode[node]) {
        int slot = Arrays.binarySearch(biased, position ^ Long.MIN_VALUE);
        while (slot > 0 && biased[slot - 1] == biased[slot]) {
          slot--;
        }
        while (filled[slot]) {
          slot++;
        }
        filled[slot] = true;
        tokens[slot] = position;
        owners[slot] = node;
      }
    }
    return new Ring(sortedNodes, vnodesPerNode, tokens, owners);
  }

  /**
   * A ring of the given distinct, non-empty node names, each with {@code vnodesPerNode} tokens.
   *
   * @throws IllegalArgumentException if there are no nodes, a name repeats or is empty, or {@code
   *     vnodesPerNode < 1}
   */
  public static Ring of(Collection<String> nodes, int vnodesPerNode) {
    if (vnodesPerNode < 1) {
      throw new IllegalArgumentException("vnodesPerNode must be at least 1, got " + vnodesPerNode);
    }
    TreeSet<String> sorted = new TreeSet<>();
    for (String node : nodes) {
      if (node == null || node.isEmpty()) {
        throw new IllegalArgumentException("a node name must not be empty");
      }
      if (!sorted.add(node)) {
        throw new IllegalArgumentException("node '" + node + "' appears twice");
      }
    }
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("a ring needs at least one node");
    }
    return place(new ArrayList<>(sorted), vnodesPerNode);
  }

  /** The physical nodes, sorted by name. */
  public List<String> nodes() {
    return nodes;
  }

  public int vnodesPerNode() {
    return vnodesPerNode;
  }

  /** The index of {@code node} in {@link #nodes()}, or -1 if it is not on the ring. */
  public int indexOf(String node) {
    int i = Collections.binarySearch(nodes, node);
    return i >= 0 ? i : -1;
  }

  /** The node that coordinates {@code key}: the owner of the first token clockwise. */
  public String coordinator(String key) {
    return nodes.get(owners[firstTokenAtOrAfter(RingHash.hash(key))]);
  }

  /** The index (in {@link #nodes()}) of the coordinator of every key position given. */
  public int[] coordinators(long[] keyPositions) {
    int[] result = new int[keyPositions.length];
    for (int k = 0; k < keyPositions.length; k++) {
      result[k] = owners[firstTokenAtOrAfter(keyPositions[k])];
    }
    return result;
  }

  /**
   * A cursor for key positions visited in non-decreasing unsigned order: each answer costs
   * amortized constant time instead of a binary search, the fast path for measuring large key sets.
   */
  public Sweep sweep() {
    return new Sweep();
  }

  /** See {@link #sweep()}. Not thread-safe; one pass over sorted positions per cursor. */
  public final class Sweep {
    private int next;
    private long last;
    private boolean started;

    private Sweep() {}

    /**
     * The node index coordinating {@code position}.
     *
     * @throws IllegalArgumentException if {@code position} is below the previous one asked
     */
    public int coordinatorIndex(long position) {
      return owners[tokenIndex(position)];
    }

    /**
     * The index of the first token at or after {@code position}, as {@link #firstTokenAtOrAfter}.
     *
     * @throws IllegalArgumentException if {@code position} is below the previous one asked
     */
    public int tokenIndex(long position) {
      if (started && Long.compareUnsigned(position, last) < 0) {
        throw new IllegalArgumentException("sweep positions must not decrease");
      }
      started = true;
      last = position;
      while (next < tokens.length && Long.compareUnsigned(tokens[next], position) < 0) {
        next++;
      }
      return next == tokens.length ? 0 : next;
    }
  }

  /**
   * The first {@code n} distinct physical nodes met walking clockwise from {@code key}, coordinator
   * first: Dynamo's preference list. Tokens of nodes already chosen are skipped. If {@code n}
   * exceeds the number of nodes, every node is listed once.
   */
  public List<String> preferenceList(String key, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a preference list needs n >= 1, got " + n);
    }
    int wanted = Math.min(n, nodes.size());
    List<String> chosen = new ArrayList<>(wanted);
    boolean[] taken = new boolean[nodes.size()];
    int start = firstTokenAtOrAfter(RingHash.hash(key));
    // One lap of the ring is enough: by then every node has been met.
    for (int step = 0; step < tokens.length && chosen.size() < wanted; step++) {
      int owner = owners[(start + step) % tokens.length];
      if (!taken[owner]) {
        taken[owner] = true;
        chosen.add(nodes.get(owner));
      }
    }
    return List.copyOf(chosen);
  }

  /**
   * A new ring with {@code node} added, with the same number of tokens per node. The result equals
   * {@code Ring.of} of the larger node set; the existing tokens are reused rather than rehashed.
   */
  public Ring withNode(String node) {
    if (node == null || node.isEmpty()) {
      throw new IllegalArgumentException("a node name must not be empty");
    }
    int at = Collections.binarySearch(nodes, node);
    if (at >= 0) {
      throw new IllegalArgumentException("node '" + node + "' is already on the ring");
    }
    int joined = -at - 1;
    List<String> next = new ArrayList<>(nodes);
    next.add(joined, node);
    long[] added = RingHash.tokens(node, vnodesPerNode);
    for (int i = 0; i < added.length; i++) {
      added[i] ^= Long.MIN_VALUE;
    }
    Arrays.sort(added);
    long[] mergedTokens = new long[tokens.length + added.length];
    int[] mergedOwners = new int[mergedTokens.length];
    int old = 0;
    int fresh = 0;
    for (int t = 0; t < mergedTokens.length; t++) {
      int oldOwner = old < tokens.length ? shiftedIndex(owners[old], joined) : -1;
      boolean takeOld = fresh == added.length;
      if (!takeOld && old < tokens.length) {
        // The documented order: position, then node index (the joiner's index is `joined`).
        int c = Long.compare(tokens[old] ^ Long.MIN_VALUE, added[fresh]);
        takeOld = c < 0 || (c == 0 && oldOwner < joined);
      }
      if (takeOld) {
        mergedTokens[t] = tokens[old++];
        mergedOwners[t] = oldOwner;
      } else {
        mergedTokens[t] = added[fresh++] ^ Long.MIN_VALUE;
        mergedOwners[t] = joined;
      }
    }
    return new Ring(next, vnodesPerNode, mergedTokens, mergedOwners);
  }

  /** A node index after a node joins at index {@code joined}: later names move up one. */
  private static int shiftedIndex(int index, int joined) {
    return index >= joined ? index + 1 : index;
  }

  /** A new ring without {@code node}; the last node cannot leave. */
  public Ring withoutNode(String node) {
    int gone = indexOf(node);
    if (gone < 0) {
      throw new IllegalArgumentException("node '" + node + "' is not on the ring");
    }
    if (nodes.size() == 1) {
      throw new IllegalArgumentException("the last node '" + node + "' cannot leave the ring");
    }
    List<String> next = new ArrayList<>(nodes);
    next.remove(gone);
    long[] keptTokens = new long[tokens.length - vnodesPerNode];
    int[] keptOwners = new int[keptTokens.length];
    int kept = 0;
    for (int t = 0; t < tokens.length; t++) {
      if (owners[t] != gone) {
        keptTokens[kept] = tokens[t];
        keptOwners[kept++] = owners[t] > gone ? owners[t] - 1 : owners[t];
      }
    }
    return new Ring(next, vnodesPerNode, keptTokens, keptOwners);
  }

  /** The number of tokens on the ring. */
  public int tokenCount() {
    return tokens.length;
  }

  /** The position of the {@code t}-th token in clockwise order from position 0. */
  public long tokenPosition(int t) {
    return tokens[t];
  }

  /** The node index owning the {@code t}-th token. */
  public int tokenOwner(int t) {
    return owners[t];
  }

  /**
   * The index of the first token whose position is at or after {@code position} in unsigned order,
   * wrapping to 0 past the last token.
   */
  public int firstTokenAtOrAfter(long position) {
    int lo = 0;
    int hi = tokens.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(tokens[mid], position) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == tokens.length ? 0 : lo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ring r && r.vnodesPerNode == vnodesPerNode && r.nodes.equals(nodes);
  }

  @Override
  public int hashCode() {
    return 31 * nodes.hashCode() + vnodesPerNode;
  }

  @Override
  public String toString() {
    return "Ring" + nodes + " with " + vnodesPerNode + " tokens each";
  }
}
