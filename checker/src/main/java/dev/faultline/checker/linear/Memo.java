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
  private final int stride;
  private final Budget budget;

  /** Per entry: its full hash, its state, then its words. One entry sits in one or two lines. */
  private long[] data;

  private int size;
  private int capacity;

  /** Slots: the hash's high half, then entry number + 1 (0 when empty). */
  private long[] table;

  /** The configurations all memos of one check may still hold; shared so the cap is global. */
  static final class Budget {
    long entries;

    Budget(long entries) {
      this.entries = entries;
    }
  }

  Memo(int completedWords, int openWords, Budget budget) {
    this.completedWords = completedWords;
    this.words = completedWords + openWords;
    this.stride = 2 + words;
    this.budget = budget;
    this.capacity = 64;
    this.data = new long[capacity * stride];
    this.table = new long[128];
  }

  /** Bytes one entry takes, table slots and growth slack included, for sizing the cap. */
  static long bytesPerEntry(int words) {
    return (16 + 8L * words) * 2 + 32;
  }

  /**
   * Records configuration ({@code lin}, {@code state}), whose completed part hashes to {@code
   * completedHash}; returns ENTERED when it is new, SEEN when it or a configuration that makes it
   * redundant was entered before, FULL when the cap is reached.
   */
  int enter(long completedHash, int state, long[] lin) {
    long key = Hashing.mix(completedHash ^ (state * 0x9E3779B97F4A7C15L));
    long high = key & 0xffffffff00000000L;
    int mask = table.length - 1;
    int i = (int) key & mask;
    for (long slot = table[i]; slot != 0; slot = table[i]) {
      if ((slot & 0xffffffff00000000L) == high) {
        int base = ((int) slot - 1) * stride;
        if (data[base] == key && data[base + 1] == state && covers(base + 2, lin)) {
          return SEEN;
        }
      }
      i = (i + 1) & mask;
    }
    if (size == capacity && !growEntries()) {
      return FULL;
    }
    int base = size * stride;
    data[base] = key;
    data[base + 1] = state;
    System.arraycopy(lin, 0, data, base + 2, words);
    table[i] = high | (++size);
    if (2 * size > table.length) {
      rehash();
    }
    return ENTERED;
  }

  private boolean covers(int base, long[] lin) {
    for (int w = 0; w < completedWords; w++) {
      if (data[base + w] != lin[w]) {
        return false;
      }
    }
    for (int w = completedWords; w < words; w++) {
      if ((data[base + w] & ~lin[w]) != 0) {
        return false;
      }
    }
    return true;
  }

  private boolean growEntries() {
    long n = Math.min(size + budget.entries, Math.min(Integer.MAX_VALUE / stride, size * 2L));
    if (n <= size) {
      return false;
    }
    budget.entries -= n - size;
    capacity = (int) n;
    data = Arrays.copyOf(data, capacity * stride);
    return true;
  }

  private void rehash() {
    long[] bigger = new long[table.length * 2];
    int mask = bigger.length - 1;
    for (int e = 0; e < size; e++) {
      long key = data[e * stride];
      int i = (int) key & mask;
      while (bigger[i] != 0) {
        i = (i + 1) & mask;
      }
      bigger[i] = (key & 0xffffffff00000000L) | (e + 1);
    }
    table = bigger;
  }

  int size() {
    return size;
  }
}
