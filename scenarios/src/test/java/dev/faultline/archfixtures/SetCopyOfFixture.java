package dev.faultline.archfixtures;

import java.util.List;
import java.util.Set;

/** Calls Set.copyOf. */
public final class SetCopyOfFixture {
  Set<String> names(List<String> list) {
    return Set.copyOf(list);
  }
}
