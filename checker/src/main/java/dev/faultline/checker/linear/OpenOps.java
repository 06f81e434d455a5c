package dev.faultline.checker.linear;

/**
 * The open operations of a register history (outcome unknown: they may take effect once, at any
 * time after their invoke, or never) seen as jumps between values: an open write of v takes the
 * register from anywhere to v, an open cas [a b] from a to b.
 *
 * <p>{@link RegisterSearch} first asks whether a jump is possible at all when each open operation
 * may be used any number of times ({@link #reachable}): a relaxation, so that a history it cannot
 * linearize is certainly not linearizable. It then realizes each jump with operations not yet used
 * on the current path ({@link #realize}), preferring a cas [s v] to a write of v (the write can do
 * all the cas can, so keeping it back loses nothing) and, within a class of identical operations,
 * the one invoked first.
 */
final class OpenOps {
  private final RegisterHistory h;
  private final int[] used;
  private final int[] seen;
  private final int[] nextClass;
  private final int[] queue;
  private int stamp;

  OpenOps(RegisterHistory h) {
    this.h = h;
    this.used = new int[h.classOps.length];
    this.seen = new int[h.values.size()];
    this.nextClass = new int[h.values.size()];
    this.queue = new int[h.values.size()];
  }

  boolean any() {
    return h.classOps.length > 0;
  }

  private boolean invokedBefore(int c, int member, int bound) {
    return member < h.classOps[c].length && h.openCall[h.classOps[c][member]] < bound;
  }

  /** Whether open operations invoked before {@code bound}, reused freely, lead from s to v. */
  boolean reachable(int s, int v, int bound) {
    stamp++;
    int head = 0;
    int tail = 0;
    queue[tail++] = v;
    seen[v] = stamp;
    while (head < tail) {
      int y = queue[head++];
      for (int c : h.classesInto[y]) {
        if (!invokedBefore(c, 0, bound)) {
          continue;
        }
        int x = h.classFrom[c];
        if (x < 0 || x == s) {
          return true;
        }
        if (seen[x] != stamp) {
          seen[x] = stamp;
          queue[tail++] = x;
        }
      }
    }
    return false;
  }

  /**
   * The values other than s that open operations invoked before {@code bound}, reused freely, can
   * lead to from s, written to {@code out} from {@code at}; returns how many.
   */
  int reachableFrom(int s, int bound, int[] out, int at) {
    stamp++;
    seen[s] = stamp;
    int n = 0;
    boolean grew = true;
    while (grew) {
      grew = false;
      for (int c = 0; c < h.classOps.length; c++) {
        int from = h.classFrom[c];
        int to = h.classTo[c];
        if (seen[to] != stamp && (from < 0 || seen[from] == stamp) && invokedBefore(c, 0, bound)) {
          seen[to] = stamp;
          out[at + n++] = to;
          grew = true;
        }
      }
    }
    return n;
  }

  /**
   * Marks the open operations of one path from s to v, each unused so far and invoked before {@code
   * bound}, and writes their classes, first to last, to {@code out} at {@code at}; returns how
   * many, or -1 (marking nothing) when every path would reuse an operation.
   */
  int realize(int s, int v, int bound, int[] out, int at) {
    stamp++;
    int head = 0;
    int tail = 0;
    queue[tail++] = v;
    seen[v] = stamp;
    nextClass[v] = -1;
    while (head < tail) {
      int y = queue[head++];
      int start = firstStart(y, s, bound);
      if (start >= 0) {
        int n = 0;
        for (int c = start; c >= 0; c = nextClass[h.classTo[c]]) {
          out[at + n++] = c;
          used[c]++;
        }
        return n;
      }
      for (int c : h.classesInto[y]) {
        int x = h.classFrom[c];
        if (x >= 0 && seen[x] != stamp && invokedBefore(c, used[c], bound)) {
          seen[x] = stamp;
          nextClass[x] = c;
          queue[tail++] = x;
        }
      }
    }
    return -1;
  }

  /** Whether an unused open operation invoked before {@code bound} writes v (from some value). */
  boolean unusedInto(int v, int bound) {
    for (int c : h.classesInto[v]) {
      if (invokedBefore(c, used[c], bound)) {
        return true;
      }
    }
    return false;
  }

  /** Whether unused open cas operations invoked before {@code bound} lead from s to v. */
  boolean casReachable(int s, int v, int bound) {
    stamp++;
    int head = 0;
    int tail = 0;
    queue[tail++] = v;
    seen[v] = stamp;
    while (head < tail) {
      int y = queue[head++];
      for (int c : h.classesInto[y]) {
        int x = h.classFrom[c];
        if (x < 0 || seen[x] == stamp || !invokedBefore(c, used[c], bound)) {
          continue;
        }
        if (x == s) {
          return true;
        }
        seen[x] = stamp;
        queue[tail++] = x;
      }
    }
    return false;
  }

  /** An unused class into y that starts at s (a cas from s first, then a write), or -1. */
  private int firstStart(int y, int s, int bound) {
    int write = -1;
    for (int c : h.classesInto[y]) {
      if (!invokedBefore(c, used[c], bound)) {
        continue;
      }
      if (h.classFrom[c] == s) {
        return c;
      }
      if (h.classFrom[c] < 0) {
        write = c;
      }
    }
    return write;
  }

  /** The open operation a mark on class c stands for (call before {@link #release}). */
  int lastMember(int c) {
    return h.classOps[c][used[c] - 1];
  }

  void release(int c) {
    used[c]--;
  }
}
