package dev.faultline.sim;

import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A seeded pseudo-random stream (SplitMix64). Every draw in a simulation comes from one of these.
 *
 * <p>Streams are named and split from the root seed by hashing the name, never by drawing from a
 * parent: adding a stream, or drawing more from one, does not shift the draws of any other. The
 * same (seed, name) gives the same sequence on every JVM. It implements commons-math3's {@link
 * RandomGenerator} so that distributions sample from it and from nothing else.
 *
 * <p>Not thread-safe, by design: a simulation is single-threaded.
 */
public final class RandomStream implements RandomGenerator {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long state;
  private double spareGaussian;
  private boolean hasSpareGaussian;

  private RandomStream(long seed) {
    this.state = seed;
  }

  /** The stream called {@code name} under {@code rootSeed}. */
  public static RandomStream of(long rootSeed, String name) {
    return new RandomStream(mix64(rootSeed ^ mix64(fnv1a64(name))));
  }

  /** FNV-1a over the UTF-8 bytes of {@code s}: a fixed, documented string hash. */
  public static long fnv1a64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** The SplitMix64 finalizer: a bijective 64-bit mix with good avalanche. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  @Override
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  @Override
  public int nextInt() {
    return (int) (nextLong() >>> 32);
  }

  /** A uniform int in [0, bound). */
  @Override
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    // Lemire's multiply-shift with rejection: unbiased, usually one draw.
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xffffffffL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xffffffffL;
      }
    }
    return (int) (m >>> 32);
  }

  /** A uniform long in [0, bound). */
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
    long r;
    do {
      r = nextLong() >>> 1;
    } while (r >= limit);
    return r % bound;
  }

  /** A uniform long in [min, max], both inclusive. */
  public long nextLong(long min, long max) {
    if (max < min) {
      throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
    }
    return min + nextLong(max - min + 1);
  }

  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  @Override
  public float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }

  @Override
  public boolean nextBoolean() {
    return nextLong() < 0;
  }

  /** True with probability {@code p}. Draws nothing when p is 0 or 1. */
  public boolean chance(double p) {
    if (p <= 0) {
      return false;
    }
    if (p >= 1) {
      return true;
    }
    return nextDouble() < p;
  }

  @Override
  public double nextGaussian() {
    if (hasSpareGaussian) {
      hasSpareGaussian = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = nextDouble() * 2 - 1;
      v = nextDouble() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double mul = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    spareGaussian = v * mul;
    hasSpareGaussian = true;
    return u * mul;
  }

  @Override
  public void nextBytes(byte[] bytes) {
    for (int i = 0; i < bytes.length; ) {
      long r = nextLong();
      for (int k = 0; k < 8 && i < bytes.length; k++, r >>>= 8) {
        bytes[i++] = (byte) r;
      }
    }
  }

  /** Refused: a stream's seed is fixed by its name and the root seed. */
  @Override
  public void setSeed(int seed) {
    throw new UnsupportedOperationException("a RandomStream is seeded by name, not reseeded");
  }

  /** Refused: a stream's seed is fixed by its name and the root seed. */
  @Override
  public void setSeed(int[] seed) {
    throw new UnsupportedOperationException("a RandomStream is seeded by name, not reseeded");
  }

  /** Refused: a stream's seed is fixed by its name and the root seed. */
  @Override
  public void setSeed(long seed) {
    throw new UnsupportedOperationException("a RandomStream is seeded by name, not reseeded");
  }
}
