package dev.faultline.archfixtures;

import java.util.ArrayList;
import java.util.List;

/** Keeps a static final list that every instance shares. */
public final class StaticCollectionFixture {
  private static final List<String> SEEN = new ArrayList<>();

  void see(String s) {
    SEEN.add(s);
  }
}
