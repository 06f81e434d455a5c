package dev.faultline.archfixtures;

import java.util.HashSet;

/** Keeps a HashSet in a field, without building one. */
public final class HashSetFieldFixture {
  private final HashSet<String> names;

  HashSetFieldFixture(HashSet<String> names) {
    this.names = names;
  }

  int size() {
    return names.size();
  }
}
