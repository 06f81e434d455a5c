package dev.faultline.archfixtures;

import java.util.Map;
import java.util.TreeMap;

/** Calls Map.copyOf. */
public final class MapCopyOfFixture {
  Map<String, Integer> counts(TreeMap<String, Integer> sorted) {
    return Map.copyOf(sorted);
  }
}
