package dev.faultline.archfixtures;

import java.util.Map;

/** Calls a fixed-arity Map.of. */
public final class MapOfFixture {
  Map<String, Integer> counts() {
    return Map.of("a", 1, "b", 2);
  }
}
