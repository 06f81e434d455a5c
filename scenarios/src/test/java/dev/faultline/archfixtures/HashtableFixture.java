package dev.faultline.archfixtures;

import java.util.Hashtable;
import java.util.Map;

/** Builds a Hashtable. */
public final class HashtableFixture {
  Map<String, Integer> counts() {
    return new Hashtable<>();
  }
}
