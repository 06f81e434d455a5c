package dev.faultline.archfixtures;

/** Calls Object.hashCode. */
public final class ObjectHashCodeFixture {
  int bucket(Object o) {
    return o.hashCode() % 8;
  }
}
