package dev.faultline.archfixtures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the rules allow: ordered collections, and collectors handed an ordered supplier. */
public final class OrderedFixture {
  private final List<String> names = List.of("a", "b");

  Map<String, Integer> lengths() {
    return names.stream()
        .collect(Collectors.toMap(Function.identity(), String::length, Integer::sum, TreeMap::new));
  }

  Map<Integer, List<String>> byLength() {
    return names.stream()
        .collect(Collectors.groupingBy(String::length, TreeMap::new, Collectors.toList()));
  }

  TreeSet<String> sorted() {
    return names.stream().collect(Collectors.toCollection(TreeSet::new));
  }

  Map<String, Integer> linked() {
    return new LinkedHashMap<>();
  }

  int hash(String s) {
    return s.hashCode();
  }
}
