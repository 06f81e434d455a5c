package dev.faultline.checker.linear;

import java.util.Arrays;

/**
 * The configurations {@link RegisterSearch} has entered, stored exactly and compactly. With
 * completed operations numbered in return order, a configuration is (bound, state, early): every
 * operation numbered below the bound is placed, and of those above it only the few in {@code
 * early}, so an entry takes 3 + |early| ints however long the history is. A configuration with a
 * dozen early operations costs about 60 bytes with its table slot.
 *
 * <p>Growth is bounded by the check's {@link Memo.Budget} (one unit per configuration) and each
 * copy runs under the search's clock: {@link #enter} answers FULL or LATE rather than grow past
 * either.
 */
final class ConfigMemo {
  static final int ENTERED = 1;
  static final int SEEN = 0;
  static final int FULL = -1;
  static final int LATE = -2;

  private final Memo.Budget budget;
  private final Clock clock;
  private int[] data = new int[1 << 12];
  private int used;
  private int size;
  private int allowance;

  /** Slots: the hash's high half, then the entry's offset + 1 (0 when empty). */
  private long[] table = new long[1 << 10];

  /** The search's deadline, checked before each copy that growth needs. */
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

  /** Returns every configuration taken from the budget and forgets them all. */
  void release() {
    budget.entries += size + allowance;
    size = 0;
    allowance = 0;
    used = 0;
    data = new int[16];
    table = new long[16];
  }

  /** Bytes per configuration with {@code early} early operations, table slot and slack included. */
  static long bytesPerEntry(int early) {
    return 4L * (3 + early) * 2 + 16 * 2;
  }

  int enter(int bound, int state, int[] early, int from, int len) {
    long h = hash(bound, state, early, from, len);
    long high = h & 0xffffffff00000000L;
    int mask = table.length - 1;
    int i = (int) h & mask;
    for (long slot = table[i]; slot != 0; slot = table[i]) {
      if ((slot & 0xffffffff00000000L) == high
          && same((int) slot - 1, bound, state, early, from, len)) {
        return SEEN;
      }
      i = (i + 1) & mask;
    }
    if (allowance == 0 && !reserve()) {
      return FULL;
    }
    if (used + 3 + len > data.length) {
      int grown = growData(3 + len);
      if (grown != ENTERED) {
        return grown;
      }
    }
    int at = used;
    data[at] = bound;
    data[at + 1] = state;
    data[at + 2] = len;
    System.arraycopy(early, from, data, at + 3, len);
    used += 3 + len;
    table[i] = high | (at + 1);
    size++;
    allowance--;
    return 2 * size > table.length ? rehash() : ENTERED;
  }

  private boolean same(int at, int bound, int state, int[] early, int from, int len) {
    return data[at] == bound
        && data[at + 1] == state
        && data[at + 2] == len
        && Arrays.equals(data, at + 3, at + 3 + len, early, from, from + len);
  }

  /** Takes configurations from the shared budget in batches, so that the budget is rarely read. */
  private boolean reserve() {
    long take = Math.min(budget.entries, Math.max(64, size / 8));
    if (take <= 0) {
      return false;
    }
    budget.entries -= take;
    allowance = (int) Math.min(Integer.MAX_VALUE, take);
    return true;
  }

  private static long hash(int bound, int state, int[] a, int from, int len) {
    long h = Hashing.mix(((long) bound << 32) ^ state ^ ((long) len << 20));
    for (int i = 0; i < len; i++) {
      h = Hashing.mix(h ^ a[from + i]);
    }
    return h;
  }

  private int growData(int need) {
    long n = Math.max((long) data.length * 2, (long) used + need);
    if (n > Integer.MAX_VALUE - 16) {
      return FULL;
    }
    if (clock.expired()) {
      return LATE;
    }
    data = Arrays.copyOf(data, (int) n);
    return ENTERED;
  }

  /** Doubles the table; the entry just added stays entered even when this answers otherwise. */
  private int rehash() {
    if (table.length >= 1 << 30) {
      return FULL;
    }
    if (clock.expired()) {
      return LATE;
    }
    long[] bigger = new long[table.length * 2];
    int mask = bigger.length - 1;
    for (long slot : table) {
      if (slot == 0) {
        continue;
      }
      int at = (int) slot - 1;
      long h = hash(data[at], data[at + 1], data, at + 3, data[at + 2]);
      int i = (int) h & mask;
      while (bigger[i] != 0) {
        i = (i + 1) & mask;
      }
      bigger[i] = (h & 0xffffffff00000000L) | (at + 1);
    }
    table = bigger;
    return ENTERED;
  }
}
