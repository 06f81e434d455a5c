package dev.faultline.checker.linear;

import java.util.Arrays;

/**
 * The configurations {@link Search} has already entered: (linearized operations, state), as flat
 * primitive arrays in an open-addressing table.
 *
 * <p>The linearized set is split in two word ranges: completed operations, which must all be
 * placed, and open ones, which may be placed or not. A configuration is skipped when one already
 * entered has the same state, the same completed operations and a subset of its open operations:
 * whatever the larger one can still do, the smaller one could do too, by leaving the extra open
 * operations unplaced.
 *
 * <p>Entries live in pages of about 8 MB, so that growth never copies more than a page; the table
 * is rehashed under the search's clock, and a rehash the clock interrupts is abandoned (LATE).
 */
final class Memo {
  /** The answer of {@link #enter}. */
  static final int ENTERED = 1;

  static final int SEEN = 0;
  static final int FULL = -1;
  static final int LATE = -2;

  private final int words;
  private final int completedWords;
  private final int stride;
  private final int perPage;
  private final Budget budget;
  private final ConfigMemo.Clock clock;
  private long[][] pages = new long[8][];
  private int size;
  private int capacity;

  /** Slots: the hash's high half, then entry number + 1 (0 when empty). */
  private long[] table;

  /**
   * What all memos of one check may still hold, shared so that the cap is global: a number of
   * configurations (the user's cap, or unbounded) and a number of bytes (from the free heap).
   */
  static final class Budget {
    long entries;
    long bytes;

    Budget(long entries, long bytes) {
      this.entries = entries;
      this.bytes = bytes;
    }

    boolean take(long n, long nBytes) {
      if (n > entries || nBytes > bytes) {
        return false;
      }
      entries -= n;
      bytes -= nBytes;
      return true;
    }

    void give(long n, long nBytes) {
      entries += n;
      bytes += nBytes;
    }
  }

  Memo(int completedWords, int openWords, Budget budget, ConfigMemo.Clock clock) {
    this.completedWords = completedWords;
    this.words = completedWords + openWords;
    this.stride = 2 + words;
    this.perPage = Math.max(1, (1 << 20) / stride);
    this.budget = budget;
    this.clock = clock;
    this.table = new long[128];
  }

  /** Bytes one entry takes, table slots and growth slack included, for sizing the cap. */
  static long bytesPerEntry(int words) {
    return (16 + 8L * words) + 32;
  }

  /**
   * Records configuration ({@code lin}, {@code state}), whose completed part hashes to {@code
   * completedHash}; returns ENTERED when it is new, SEEN when it or a configuration that makes it
   * redundant was entered before, FULL when the cap is reached, LATE when the clock ran out.
   */
  int enter(long completedHash, int state, long[] lin) {
    long key = Hashing.mix(completedHash ^ (state * 0x9E3779B97F4A7C15L));
    long high = key & 0xffffffff00000000L;
    int mask = table.length - 1;
    int i = (int) key & mask;
    for (long slot = table[i]; slot != 0; slot = table[i]) {
      if ((slot & 0xffffffff00000000L) == high) {
        int e = (int) slot - 1;
        long[] page = pages[e / perPage];
        int base = (e % perPage) * stride;
        if (page[base] == key && page[base + 1] == state && covers(page, base + 2, lin)) {
          return SEEN;
        }
      }
      i = (i + 1) & mask;
    }
    if (size == capacity) {
      int grown = grow();
      if (grown != ENTERED) {
        return grown;
      }
    }
    long[] page = pages[size / perPage];
    int base = (size % perPage) * stride;
    page[base] = key;
    page[base + 1] = state;
    System.arraycopy(lin, 0, page, base + 2, words);
    table[i] = high | (++size);
    return 2 * size > table.length ? rehash() : ENTERED;
  }

  private boolean covers(long[] page, int base, long[] lin) {
    for (int w = 0; w < completedWords; w++) {
      if (page[base + w] != lin[w]) {
        return false;
      }
    }
    for (int w = completedWords; w < words; w++) {
      if ((page[base + w] & ~lin[w]) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Room for more entries: the first page doubles up to its full size, then pages are added. */
  private int grow() {
    int more =
        capacity < perPage ? Math.min(perPage, Math.max(64, capacity * 2)) - capacity : perPage;
    long bytes = more * bytesPerEntry(words);
    if (size + (long) more > Integer.MAX_VALUE - 1 || !budget.take(more, bytes)) {
      return FULL;
    }
    if (clock.expired()) {
      budget.give(more, bytes);
      return LATE;
    }
    if (capacity < perPage) {
      int n = (capacity + more) * stride;
      pages[0] = pages[0] == null ? new long[n] : Arrays.copyOf(pages[0], n);
    } else {
      int p = capacity / perPage;
      if (p == pages.length) {
        pages = Arrays.copyOf(pages, p * 2);
      }
      pages[p] = new long[perPage * stride];
    }
    capacity += more;
    return ENTERED;
  }

  /** Doubles the table, checking the clock as it goes; the new entry stays entered either way. */
  private int rehash() {
    if (table.length >= 1 << 30) {
      return FULL;
    }
    long[] bigger = new long[table.length * 2];
    int mask = bigger.length - 1;
    for (int e = 0; e < size; e++) {
      if ((e & 0xffff) == 0xffff && clock.expired()) {
        return LATE;
      }
      long key = pages[e / perPage][(e % perPage) * stride];
      int i = (int) key & mask;
      while (bigger[i] != 0) {
        i = (i + 1) & mask;
      }
      bigger[i] = (key & 0xffffffff00000000L) | (e + 1);
    }
    table = bigger;
    return ENTERED;
  }

  int size() {
    return size;
  }
}
