package dev.faultline.archfixtures;

import java.util.HashMap;
import java.util.Map;

/** Builds a HashMap. */
public final class HashMapFixture {
  Map<String, Integer> counts() {
    return new HashMap<>();
  }
}
