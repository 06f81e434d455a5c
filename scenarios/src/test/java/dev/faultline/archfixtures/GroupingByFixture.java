package dev.faultline.archfixtures;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Groups into a hash map (no map supplier). */
public final class GroupingByFixture {
  Map<Integer, List<String>> byLength(List<String> list) {
    return list.stream().collect(Collectors.groupingBy(String::length));
  }
}
