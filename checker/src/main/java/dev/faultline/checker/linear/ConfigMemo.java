package dev.faultline.checker.linear;

import java.util.Arrays;

/**
 * The configurations {@link RegisterSearch} has entered, stored exactly and compactly. With
 * completed operations numbered in return order, a configuration is (bound, state, early): every
 * operation numbered below the bound is placed, and of those above it only the few in {@code
 * early}, so an entry takes 4 + |early| ints however long the history is (the fourth: how many open
 * operations the path to it used): with a dozen early operations, about 64 bytes and a table slot
 * of 8 to 16.
 *
 * <p>Entries are charged to the check's {@link Memo.Budget} (one configuration and its bytes each);
 * they live in {@link Pages}, so growth never copies more than a page, and the table is rehashed
 * under the search's clock: {@link #enter} answers FULL or LATE rather than go past either.
 */
final class ConfigMemo {
  static final int ENTERED = 1;
  static final int SEEN = 0;
  static final int FULL = -1;
  static final int LATE = -2;

  /** Bytes charged per entry besides its ints: table slots, and the search's log of it. */
  private static final int OVERHEAD = 40;

  private static final int BATCH = 256;

  private final Memo.Budget budget;
  private final Clock clock;
  private Pages data = new Pages();
  private int size;
  private long allowedEntries;
  private long allowedBytes;
  private long takenEntries;
  private long takenBytes;

  /** Slots: the hash's high half, then the entry's address + 1 (0 when empty). */
  private long[] table = new long[1 << 10];

  /** The search's deadline, checked before each step that growth needs. */
  interface Clock {
    boolean expired();
  }

  ConfigMemo(Memo.Budget budget, Clock clock) {
    this.budget = budget;
    this.clock = clock;
  }

  int size() {
    return size;
  }

  /** An estimate of the bytes per configuration, for sizing the cap before a check. */
  static long bytesPerEntry() {
    return 4L * 16 + OVERHEAD;
  }

  /** Returns every configuration taken from the budget and forgets them all. */
  void release() {
    budget.give(takenEntries, takenBytes);
    takenEntries = 0;
    takenBytes = 0;
    allowedEntries = 0;
    allowedBytes = 0;
    size = 0;
    data = new Pages();
    table = new long[16];
  }

  /**
   * Enters (bound, state, early) reached having used {@code uses} open operations: SEEN when it was
   * entered before with as few or fewer, else ENTERED (a configuration reached again with fewer
   * open operations used is entered again: it may get further).
   */
  int enter(int bound, int state, int[] early, int from, int len, int uses) {
    long h = hash(bound, state, early, from, len);
    long high = h & 0xffffffff00000000L;
    int mask = table.length - 1;
    int i = (int) h & mask;
    for (long slot = table[i]; slot != 0; slot = table[i]) {
      if ((slot & 0xffffffff00000000L) == high
          && same((int) slot - 1, bound, state, early, from, len)) {
        int[] page = data.page((int) slot - 1);
        int o = Pages.offset((int) slot - 1) + 3 + len;
        if (page[o] <= uses) {
          return SEEN;
        }
        page[o] = uses;
        return ENTERED;
      }
      i = (i + 1) & mask;
    }
    long bytes = 4L * (4 + len) + OVERHEAD;
    if (allowedEntries == 0 || allowedBytes < bytes) {
      int reserved = reserve(bytes);
      if (reserved != ENTERED) {
        return reserved;
      }
    }
    int at = data.allocate(4 + len);
    if (at < 0) {
      return FULL;
    }
    int[] page = data.page(at);
    int o = Pages.offset(at);
    page[o] = bound;
    page[o + 1] = state;
    page[o + 2] = len;
    System.arraycopy(early, from, page, o + 3, len);
    page[o + 3 + len] = uses;
    table[i] = high | (at + 1L);
    size++;
    allowedEntries--;
    allowedBytes -= bytes;
    return 2 * size > table.length ? rehash() : ENTERED;
  }

  private boolean same(int at, int bound, int state, int[] early, int from, int len) {
    int[] page = data.page(at);
    int o = Pages.offset(at);
    return page[o] == bound
        && page[o + 1] == state
        && page[o + 2] == len
        && Arrays.equals(page, o + 3, o + 3 + len, early, from, from + len);
  }

  /** Takes configurations from the shared budget in batches, so that it is rarely touched. */
  private int reserve(long atLeast) {
    long entries = BATCH;
    long bytes = Math.max(atLeast, BATCH * bytesPerEntry());
    if (!budget.take(entries, bytes)) {
      entries = Math.min(1, budget.entries);
      bytes = atLeast;
      if (entries < 1 || !budget.take(entries, bytes)) {
        return FULL;
      }
    }
    if (clock.expired()) {
      budget.give(entries, bytes);
      return LATE;
    }
    takenEntries += entries;
    takenBytes += bytes;
    allowedEntries += entries;
    allowedBytes += bytes;
    return ENTERED;
  }

  private static long hash(int bound, int state, int[] a, int from, int len) {
    long h = Hashing.mix(((long) bound << 32) ^ state ^ ((long) len << 20));
    for (int i = 0; i < len; i++) {
      h = Hashing.mix(h ^ a[from + i]);
    }
    return h;
  }

  /** Doubles the table, checking the clock as it goes; the entry just added stays entered. */
  private int rehash() {
    if (table.length >= 1 << 30) {
      return FULL;
    }
    long[] bigger = new long[table.length * 2];
    int mask = bigger.length - 1;
    for (int k = 0; k < table.length; k++) {
      if ((k & 0xffff) == 0xffff && clock.expired()) {
        return LATE;
      }
      long slot = table[k];
      if (slot == 0) {
        continue;
      }
      int at = (int) slot - 1;
      int[] page = data.page(at);
      int o = Pages.offset(at);
      long h = hash(page[o], page[o + 1], page, o + 3, page[o + 2]);
      int i = (int) h & mask;
      while (bigger[i] != 0) {
        i = (i + 1) & mask;
      }
      bigger[i] = (h & 0xffffffff00000000L) | (at + 1L);
    }
    table = bigger;
    return ENTERED;
  }
}
