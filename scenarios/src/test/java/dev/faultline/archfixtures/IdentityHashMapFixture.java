package dev.faultline.archfixtures;

import java.util.IdentityHashMap;
import java.util.Map;

/** Builds an IdentityHashMap. */
public final class IdentityHashMapFixture {
  Map<Object, Integer> counts() {
    return new IdentityHashMap<>();
  }
}
