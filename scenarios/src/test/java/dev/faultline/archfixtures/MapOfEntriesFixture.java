package dev.faultline.archfixtures;

import java.util.Map;

/** Calls Map.ofEntries. */
public final class MapOfEntriesFixture {
  Map<String, Integer> counts() {
    return Map.ofEntries(Map.entry("a", 1));
  }
}
