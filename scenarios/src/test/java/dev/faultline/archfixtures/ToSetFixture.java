package dev.faultline.archfixtures;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Collects into a hash set. */
public final class ToSetFixture {
  Set<String> names(List<String> list) {
    return list.stream().collect(Collectors.toSet());
  }
}
