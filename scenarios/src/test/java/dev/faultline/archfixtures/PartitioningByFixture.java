package dev.faultline.archfixtures;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Partitions with Collectors.partitioningBy. */
public final class PartitioningByFixture {
  Map<Boolean, List<String>> byEmptiness(List<String> list) {
    return list.stream().collect(Collectors.partitioningBy(String::isEmpty));
  }
}
