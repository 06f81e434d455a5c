package dev.faultline.archfixtures;

/** Keeps a static counter that every instance shares. */
public final class StaticMutableFieldFixture {
  private static long created;

  StaticMutableFieldFixture() {
    created++;
  }
}
