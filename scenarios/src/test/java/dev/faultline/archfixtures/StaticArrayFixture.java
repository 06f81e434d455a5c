package dev.faultline.archfixtures;

/** Keeps a static final array that every instance can write. */
public final class StaticArrayFixture {
  private static final long[] COUNTS = new long[4];

  void count(int i) {
    COUNTS[i]++;
  }
}
