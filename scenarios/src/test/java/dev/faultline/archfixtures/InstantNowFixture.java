package dev.faultline.archfixtures;

/** Reads the wall clock through java.time. */
public final class InstantNowFixture {
  java.time.Instant now() {
    return java.time.Instant.now();
  }
}
