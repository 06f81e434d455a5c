package dev.faultline.models.ring;

import java.util.Arrays;

/**
 * A key set measured by {@link RingStats}: the positions of {@code key-0 .. key-(n-1)} in key
 * order, the same positions sorted clockwise, and each key's rank in that sorted order. Sorting
 * once lets every ring be measured in one sweep instead of a binary search per key.
 */
final class KeySet {
  private final long[] positions;
  private final long[] sorted;
  private final int[] rank;

  private KeySet(long[] positions) {
    this.positions = positions;
    long[] biased = new long[positions.length];
    for (int k = 0; k < positions.length; k++) {
      biased[k] = positions[k] ^ Long.MIN_VALUE;
    }
    // Signed order of (position XOR sign bit) is the unsigned, clockwise order of positions.
    Arrays.sort(biased);
    this.rank = new int[positions.length];
    boolean[] taken = new boolean[positions.length];
    for (int k = 0; k < positions.length; k++) {
      int r = Arrays.binarySearch(biased, positions[k] ^ Long.MIN_VALUE);
      while (r > 0 && biased[r - 1] == biased[r]) {
        r--;
      }
      // Keys at the same position take consecutive ranks in key order.
      while (taken[r]) {
        r++;
      }
      taken[r] = true;
      rank[k] = r;
    }
    this.sorted = biased;
    for (int r = 0; r < sorted.length; r++) {
      sorted[r] ^= Long.MIN_VALUE;
    }
  }

  /** The keys {@code key-0 .. key-(count-1)}. */
  static KeySet generated(int count) {
    long[] positions = new long[count];
    for (int k = 0; k < count; k++) {
      positions[k] = RingHash.hash(RingHash.keyName(k));
    }
    return new KeySet(positions);
  }

  int size() {
    return positions.length;
  }

  /** Positions in key order; callers must not modify the arrays returned here. */
  long[] positions() {
    return positions;
  }

  long[] sorted() {
    return sorted;
  }

  int[] rank() {
    return rank;
  }
}
