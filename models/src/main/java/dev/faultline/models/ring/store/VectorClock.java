package dev.faultline.models.ring.store;

import dev.faultline.sim.trace.StableHash;
import dev.faultline.sim.trace.StructuralHash;
import java.util.Arrays;

/**
 * A vector clock: for each actor, how many of its events this version has seen. Immutable, with
 * value equality; actors are kept sorted so that clocks print and compare the same way every run.
 *
 * <p>The actors are the clients that write (Riak's original client-id clocks). Each client counts
 * its own writes per key, so an actor's entries are contiguous and the clock describes a version's
 * causal past exactly; a coordinator-counted clock would need dotted version vectors for that.
 *
 * <p>Kept as two sorted arrays: reconciliation compares clocks on every replica write, and a walk
 * over arrays allocates nothing; that is also why it is not a record, and hashes itself for the
 * trace.
 */
public final class VectorClock implements StableHash {
  private static final VectorClock EMPTY = new VectorClock(new String[0], new long[0]);

  /** How two clocks relate. */
  public enum Order {
    BEFORE,
    AFTER,
    EQUAL,
    CONCURRENT
  }

  private final String[] actors;
  private final long[] counts;

  private VectorClock(String[] actors, long[] counts) {
    this.actors = actors;
    this.counts = counts;
  }

  public static VectorClock empty() {
    return EMPTY;
  }

  /** The count of {@code actor}, 0 if it has none. */
  public long get(String actor) {
    int i = Arrays.binarySearch(actors, actor);
    return i >= 0 ? counts[i] : 0;
  }

  /** This clock with {@code actor}'s count one higher. */
  public VectorClock increment(String actor) {
    int i = Arrays.binarySearch(actors, actor);
    if (i >= 0) {
      long[] c = counts.clone();
      c[i]++;
      return new VectorClock(actors, c);
    }
    int at = -i - 1;
    String[] a = new String[actors.length + 1];
    long[] c = new long[actors.length + 1];
    System.arraycopy(actors, 0, a, 0, at);
    System.arraycopy(counts, 0, c, 0, at);
    a[at] = actor;
    c[at] = 1;
    System.arraycopy(actors, at, a, at + 1, actors.length - at);
    System.arraycopy(counts, at, c, at + 1, actors.length - at);
    return new VectorClock(a, c);
  }

  /** The least clock that both this and {@code other} are at or before. */
  public VectorClock merge(VectorClock other) {
    Order o = compare(other);
    if (o == Order.AFTER || o == Order.EQUAL) {
      return this;
    }
    if (o == Order.BEFORE) {
      return other;
    }
    String[] a = new String[actors.length + other.actors.length];
    long[] c = new long[a.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < actors.length || j < other.actors.length) {
      int cmp = cmp(i, other, j);
      if (cmp <= 0) {
        a[k] = actors[i];
        c[k] = cmp == 0 ? Math.max(counts[i], other.counts[j++]) : counts[i];
        i++;
      } else {
        a[k] = other.actors[j];
        c[k] = other.counts[j++];
      }
      k++;
    }
    return new VectorClock(Arrays.copyOf(a, k), Arrays.copyOf(c, k));
  }

  /** How this clock relates to {@code other}. */
  public Order compare(VectorClock other) {
    boolean less = false;
    boolean greater = false;
    int i = 0;
    int j = 0;
    while (i < actors.length || j < other.actors.length) {
      int cmp = cmp(i, other, j);
      long a = cmp <= 0 ? counts[i++] : 0;
      long b = cmp >= 0 ? other.counts[j++] : 0;
      less |= a < b;
      greater |= a > b;
    }
    if (less && greater) {
      return Order.CONCURRENT;
    }
    return less ? Order.BEFORE : greater ? Order.AFTER : Order.EQUAL;
  }

  /** Orders position {@code i} of this against {@code j} of other; a finished side sorts last. */
  private int cmp(int i, VectorClock other, int j) {
    if (i >= actors.length) {
      return 1;
    }
    if (j >= other.actors.length) {
      return -1;
    }
    return actors[i].compareTo(other.actors[j]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VectorClock v
        && Arrays.equals(v.actors, actors)
        && Arrays.equals(v.counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(actors) + Arrays.hashCode(counts);
  }

  @Override
  public long stableHash() {
    return StructuralHash.combine(StructuralHash.of(actors), StructuralHash.of(counts));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < actors.length; i++) {
      sb.append(i > 0 ? ", " : "").append(actors[i]).append('=').append(counts[i]);
    }
    return sb.append('}').toString();
  }
}
