package dev.faultline.models.ring;

import java.nio.charset.StandardCharsets;

/**
 * The one hash that places tokens and keys on the ring: the same 64 bits for the same string on
 * every JVM and every run.
 *
 * <p>The function is FNV-1a 64 (offset basis {@code 0xcbf29ce484222325}, prime {@code
 * 0x100000001b3}) over the string's UTF-8 bytes, followed by the SplitMix64 finalizer (xor-shift
 * 30, multiply {@code 0xbf58476d1ce4e5b9}, xor-shift 27, multiply {@code 0x94d049bb133111eb},
 * xor-shift 31). FNV-1a alone mixes its last bytes poorly, so strings such as {@code "n3#7"} and
 * {@code "n3#8"} would land close together; the finalizer spreads every input bit over the whole
 * word, which the load figures of {@link RingStats} depend on.
 *
 * <p>Token {@code i} of node {@code n3} hashes the string {@code "n3#i"}. A position on the ring is
 * the hash read as an unsigned 64-bit number: clockwise means increasing unsigned value, wrapping
 * from {@code 2^64 - 1} to {@code 0}. Nothing here may use {@link String#hashCode()} or {@link
 * java.util.Random}: both would tie placement to one JVM's choices.
 */
public final class RingHash {
  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private RingHash() {}

  /** The ring position of any string: FNV-1a 64 over its UTF-8 bytes, then SplitMix64's mix. */
  public static long hash(String s) {
    return finalizeMix(fnv1a(s));
  }

  /**
   * The position of token {@code index} of {@code node}: the hash of {@code node + "#" + index}.
   */
  public static long token(String node, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("token index must be >= 0, got " + index);
    }
    return hash(node + "#" + index);
  }

  /**
   * The positions of tokens {@code 0 .. count-1} of {@code node}, each equal to {@link
   * #token(String, int)}: FNV-1a is a stream, so the state after {@code node + "#"} is shared and
   * only the decimal digits of each index are fed after it (a ring of 10,000 tokens is built
   * often).
   */
  public static long[] tokens(String node, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("token count must be >= 0, got " + count);
    }
    long prefix = fnv1a(node + "#");
    long[] result = new long[count];
    byte[] digits = new byte[10];
    for (int i = 0; i < count; i++) {
      int at = digits.length;
      int rest = i;
      do {
        digits[--at] = (byte) ('0' + rest % 10);
        rest /= 10;
      } while (rest > 0);
      long h = prefix;
      for (int d = at; d < digits.length; d++) {
        h ^= digits[d];
        h *= FNV_PRIME;
      }
      result[i] = finalizeMix(h);
    }
    return result;
  }

  /** The name of the {@code k}-th key of a generated key set, {@code "key-<k>"}. */
  public static String keyName(long k) {
    return "key-" + k;
  }

  /** Plain FNV-1a 64 over the UTF-8 bytes of {@code s}, before the finalizer. */
  static long fnv1a(String s) {
    long h = FNV_OFFSET_BASIS;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xffL;
      h *= FNV_PRIME;
    }
    return h;
  }

  /** The SplitMix64 finalizer: a bijection on 64-bit words with full avalanche. */
  static long finalizeMix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
