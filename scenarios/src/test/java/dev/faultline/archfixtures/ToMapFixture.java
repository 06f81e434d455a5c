package dev.faultline.archfixtures;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Collects into a hash map (no map supplier). */
public final class ToMapFixture {
  Map<String, Integer> lengths(List<String> list) {
    return list.stream().collect(Collectors.toMap(Function.identity(), String::length));
  }
}
