package dev.faultline.archfixtures;

/** Calls System.identityHashCode. */
public final class IdentityHashCodeFixture {
  int bucket(Object o) {
    return System.identityHashCode(o) % 8;
  }
}
