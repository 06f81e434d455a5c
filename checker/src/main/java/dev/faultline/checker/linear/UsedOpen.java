package dev.faultline.checker.linear;

import java.util.Arrays;

/**
 * The open operations the strict {@link RegisterSearch} has used on its current path, as part of
 * its memo key. Two paths can reach the same (bound, value, early operations) having spent
 * different open operations, and the one that kept the right ones may still succeed where the other
 * failed: a memo blind to them prunes the second path and can miss the only linearization (the wide
 * histories whose crashed writes land long after the crash, BENCHMARKS.md). With them in the key, a
 * configuration is skipped only when it was entered with exactly the same ones.
 *
 * <p>Operations are used and released in stack order (the search backtracks), so the set is a
 * stack; members of a class are used first invoked first, so the set is canonical.
 */
final class UsedOpen {
  private int[] used = new int[16];
  private int top;
  private int[] key = new int[16];
  private boolean chose;

  void push(int op) {
    if (top == used.length) {
      used = Arrays.copyOf(used, 2 * used.length);
    }
    used[top++] = op;
  }

  void pop(int count) {
    top -= count;
  }

  boolean isEmpty() {
    return top == 0;
  }

  /** Notes that a jump was realized one way among several, so that a NOT may be wrong. */
  void chose() {
    chose = true;
  }

  boolean choseFreely() {
    return chose;
  }

  /**
   * The memo key: the early (completed) operations {@code early[from, from + len)}, then the used
   * open ones (numbered from the completed count up, so the two never mix), sorted. Returns its
   * length; the key is {@link #key()} from 0.
   */
  int key(int[] early, int from, int len) {
    int total = len + top;
    if (key.length < total) {
      key = new int[Math.max(2 * key.length, total)];
    }
    System.arraycopy(early, from, key, 0, len);
    System.arraycopy(used, 0, key, len, top);
    Arrays.sort(key, len, total);
    return total;
  }

  int[] key() {
    return key;
  }
}
