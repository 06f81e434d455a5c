package dev.faultline.archfixtures;

/** Reads the wall clock. */
public final class WallClockFixture {
  long now() {
    return System.currentTimeMillis();
  }
}
