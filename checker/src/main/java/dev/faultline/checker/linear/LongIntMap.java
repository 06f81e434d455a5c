package dev.faultline.checker.linear;

import java.util.Arrays;

/** An open-addressing map from non-negative longs to ints, without boxing. */
final class LongIntMap {
  static final int MISSING = Integer.MIN_VALUE;
  private long[] keys = new long[1024];
  private int[] values = new int[1024];
  private int size;

  LongIntMap() {
    Arrays.fill(keys, -1);
  }

  int get(long key) {
    int mask = keys.length - 1;
    for (int i = Hashing.index(key, mask); ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == -1) {
        return MISSING;
      }
    }
  }

  void put(long key, int value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = Hashing.index(key, mask);
    while (keys[i] != -1 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == -1) {
      size++;
    }
    keys[i] = key;
    values[i] = value;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(keys, -1);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != -1) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
