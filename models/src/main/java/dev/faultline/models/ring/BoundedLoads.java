package dev.faultline.models.ring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Consistent hashing with bounded loads (Mirrokni, Thorup and Zadimoghaddam): every node has room
 * for at most {@code ceil((1 + epsilon) * keys / nodes)} keys, and a key whose clockwise owner is
 * full goes to the owner of the next token clockwise whose node still has room.
 *
 * <p>Keys are placed one at a time in the order of the array given (for {@link RingStats}, {@code
 * key-0}, {@code key-1}, ...), so the result is a pure function of the ring, the key positions in
 * that order and epsilon. Because the total room is at least the number of keys, every key finds a
 * node within one lap of the ring.
 */
public final class BoundedLoads {
  private BoundedLoads() {}

  /**
   * The room per node, {@code ceil((1 + epsilon) * keys / nodes)}, computed in exact decimal
   * arithmetic on epsilon's shortest decimal form so that, say, {@code 0.1} gives 11000 for 100000
   * keys on 10 nodes rather than the 11001 that binary floating point would give.
   */
  public static int capacity(int keys, int nodes, double epsilon) {
    if (keys < 0 || nodes < 1 || !(epsilon >= 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException(
          "capacity needs keys >= 0, nodes >= 1 and a finite epsilon >= 0, got "
              + keys
              + ", "
              + nodes
              + ", "
              + epsilon);
    }
    BigDecimal room =
        BigDecimal.ONE
            .add(BigDecimal.valueOf(epsilon))
            .multiply(BigDecimal.valueOf(keys))
            .divide(BigDecimal.valueOf(nodes), 0, RoundingMode.CEILING);
    return room.min(BigDecimal.valueOf(keys)).intValueExact();
  }

  /**
   * Places the keys at {@code keyPositions}, in array order, on {@code ring} with bounded loads.
   */
  public static Assignment assign(Ring ring, long[] keyPositions, double epsilon) {
    int[] startTokens = new int[keyPositions.length];
    for (int k = 0; k < keyPositions.length; k++) {
      startTokens[k] = ring.firstTokenAtOrAfter(keyPositions[k]);
    }
    return assignFromTokens(ring, startTokens, epsilon);
  }

  /**
   * As {@link #assign}, given for each key (in placement order) the index of its first token
   * clockwise; lets a caller that already swept sorted keys skip the searches.
   */
  static Assignment assignFromTokens(Ring ring, int[] startTokens, double epsilon) {
    int nodeCount = ring.nodes().size();
    int capacity = Math.max(1, capacity(startTokens.length, nodeCount, epsilon));
    int tokenCount = ring.tokenCount();
    int[] owners = new int[startTokens.length];
    int[] loads = new int[nodeCount];
    for (int k = 0; k < startTokens.length; k++) {
      int start = startTokens[k];
      int owner = -1;
      for (int step = 0; step < tokenCount; step++) {
        int candidate = ring.tokenOwner((start + step) % tokenCount);
        if (loads[candidate] < capacity) {
          owner = candidate;
          break;
        }
      }
      if (owner < 0) {
        // Unreachable while nodes * capacity >= keys; a failure here is a bug of ours.
        throw new IllegalStateException("no node has room for key " + k + " of " + owners.length);
      }
      owners[k] = owner;
      loads[owner]++;
    }
    return new Assignment(capacity, owners, loads);
  }

  /** Where each key went and how full each node is; node indices follow {@link Ring#nodes()}. */
  public static final class Assignment {
    private final int capacity;
    private final int[] owners;
    private final int[] loads;

    private Assignment(int capacity, int[] owners, int[] loads) {
      this.capacity = capacity;
      this.owners = owners;
      this.loads = loads;
    }

    /** The most keys any node may hold. */
    public int capacity() {
      return capacity;
    }

    /** The node index holding the {@code k}-th key. */
    public int owner(int k) {
      return owners[k];
    }

    /** The node index holding each key, in key order (a copy). */
    public int[] owners() {
      return owners.clone();
    }

    /** The number of keys each node holds (a copy). */
    public int[] loads() {
      return loads.clone();
    }

    /** The largest load of any node. */
    public int maxLoad() {
      return Arrays.stream(loads).max().orElse(0);
    }
  }
}
