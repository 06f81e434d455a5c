package dev.faultline.checker.linear;

import java.util.Arrays;

/**
 * The configurations the search has already entered: (linearized operations, state), as flat
 * primitive arrays in an open-addressing table.
 *
 * <p>The linearized set is split in two word ranges: completed operations, which must all be
 * placed, and open ones, which may be placed or not. A configuration is skipped when one already
 * entered has the same state, the same completed operations and a subset of its open operations:
 * whatever the larger one can still do, the smaller one could do too, by leaving the extra open
 * operations unplaced.
 */
final class Memo {
  /** The answer of {@link #enter}. */
  static final int ENTERED = 1;

  static final int SEEN = 0;
  static final int FULL = -1;

  private final int words;
  private final int completedWords;
  private final Budget budget;
  private long[] hashes;
  private int[] states;
  private long[] bits;
  private int size;
  private int[] table;

  /** The configurations all memos of one check may still hold; shared so the cap is global. */
  static final class Budget {
    private long entries;

    Budget(long entries) {
      this.entries = entries;
    }
  }

  Memo(int completedWords, int openWords, Budget budget) {
    this.completedWords = completedWords;
    this.words = completedWords + openWords;
    this.budget = budget;
    int initial = 64;
    hashes = new long[initial];
    states = new int[initial];
    bits = new long[initial * words];
    table = new int[Integer.highestOneBit(initial * 2 - 1) * 2];
  }

  /** Bytes one entry takes, table slots and growth slack included, for sizing the cap. */
  static long bytesPerEntry(int words) {
    return (12 + 8L * words) * 3 / 2 + 16;
  }

  /**
   * Records configuration ({@code lin}, {@code state}), whose completed part hashes to {@code
   * completedHash}; returns ENTERED when it is new, SEEN when it or a configuration that makes it
   * redundant was entered before, FULL when the cap is reached.
   */
  int enter(long completedHash, int state, long[] lin) {
    long key = Hashing.mix(completedHash ^ (state * 0x9E3779B97F4A7C15L));
    int mask = table.length - 1;
    int i = (int) key & mask;
    for (int slot = table[i]; slot != 0; slot = table[i]) {
      int e = slot - 1;
      if (hashes[e] == key && states[e] == state && covers(e, lin)) {
        return SEEN;
      }
      i = (i + 1) & mask;
    }
    if (size == hashes.length && !growEntries()) {
      return FULL;
    }
    hashes[size] = key;
    states[size] = state;
    System.arraycopy(lin, 0, bits, size * words, words);
    table[i] = ++size;
    if (2 * size > table.length) {
      rehash();
    }
    return ENTERED;
  }

  private boolean covers(int e, long[] lin) {
    int base = e * words;
    for (int w = 0; w < completedWords; w++) {
      if (bits[base + w] != lin[w]) {
        return false;
      }
    }
    for (int w = completedWords; w < words; w++) {
      if ((bits[base + w] & ~lin[w]) != 0) {
        return false;
      }
    }
    return true;
  }

  private boolean growEntries() {
    int n =
        (int) Math.min(size + budget.entries, Math.min(Integer.MAX_VALUE / (words + 1), size * 2L));
    if (n <= size) {
      return false;
    }
    budget.entries -= n - size;
    hashes = Arrays.copyOf(hashes, n);
    states = Arrays.copyOf(states, n);
    bits = Arrays.copyOf(bits, n * words);
    return true;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    int mask = bigger.length - 1;
    for (int e = 0; e < size; e++) {
      int i = (int) hashes[e] & mask;
      while (bigger[i] != 0) {
        i = (i + 1) & mask;
      }
      bigger[i] = e + 1;
    }
    table = bigger;
  }

  int size() {
    return size;
  }
}
