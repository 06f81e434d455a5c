package dev.faultline.scenarios.bench;

import java.util.List;

/** Every benchmark that {@code faultline bench} knows, in the order they are listed. */
public final class Benchmarks {
  private Benchmarks() {}

  public static List<Benchmark> all() {
    return List.of(new SimBench(), new CheckerBench(), new SweepBench());
  }
}
