package dev.faultline.archfixtures;

import java.util.Set;

/** Calls a fixed-arity Set.of. */
public final class SetOfFixture {
  Set<String> names() {
    return Set.of("a", "b");
  }
}
