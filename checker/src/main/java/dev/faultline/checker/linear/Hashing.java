package dev.faultline.checker.linear;

/** Bit mixing for the checker's hash tables. */
final class Hashing {
  private Hashing() {}

  /** Murmur3's finalizer: every input bit affects every output bit. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  static int index(long key, int mask) {
    return (int) mix(key) & mask;
  }
}
