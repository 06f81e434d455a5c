package dev.faultline.archfixtures;

import java.util.List;

/** Runs a stream in parallel. */
public final class ParallelStreamFixture {
  long count(List<String> names) {
    return names.stream().parallel().count();
  }
}
