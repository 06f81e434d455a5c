package dev.faultline.scenarios.bench;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.sweep.Shard;
import dev.faultline.scenarios.sweep.SweepRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code faultline bench sweep}: seeds per second of each scenario with default knobs, at one
 * worker and at two. Every scenario is warmed up first: a fresh JVM spends a core compiling (C2)
 * for its first ten seconds or so, which would make a short sweep look as if it did not scale.
 */
public final class SweepBench implements Benchmark {
  private static final long WARM_UP_NANOS = 4_000_000_000L;
  private static final long MEASURE_NANOS = 4_000_000_000L;
  private static final int BATCH = 50;

  @Override
  public String name() {
    return "sweep";
  }

  @Override
  public String description() {
    return "seeds per second per scenario at 1 and 2 workers, after warm-up";
  }

  @Override
  public void run(PrintWriter out, Path projectRoot) throws InterruptedException {
    out.println(
        "sweep: default knobs; every scenario warmed up for 4 s on 2 workers first, then each"
            + " figure measured over at least 4 s; "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
    for (Scenario s : ScenarioRegistry.all()) {
      measure(s, Knobs.resolve(s, Map.of()), 2, 100_000, WARM_UP_NANOS);
    }
    out.printf(
        Locale.ROOT,
        "%-14s %14s %14s %8s %16s%n",
        "scenario",
        "1 worker /s",
        "2 workers /s",
        "ratio",
        "simulated/wall");
    for (Scenario s : ScenarioRegistry.all()) {
      Knobs knobs = Knobs.resolve(s, Map.of());
      double one = measure(s, knobs, 1, 200_000, MEASURE_NANOS);
      double two = measure(s, knobs, 2, 200_000, MEASURE_NANOS);
      long simulatedMicros = ScenarioRunner.run(s, RunSpec.of(1, knobs)).simulatedMicros();
      out.printf(
          Locale.ROOT,
          "%-14s %14.1f %14.1f %7.2fx %15.0fx%n",
          s.name(),
          one,
          two,
          two / one,
          one * simulatedMicros / 1e6);
      out.flush();
    }
    out.println("simulated/wall: virtual seconds per wall second on one worker (one core).");
  }

  /**
   * Runs batches of seeds from {@code first} until {@code nanos} pass; returns seeds per second.
   */
  private static double measure(Scenario s, Knobs knobs, int workers, long first, long nanos)
      throws InterruptedException {
    PrintWriter quiet = new PrintWriter(new StringWriter());
    SweepRunner runner = new SweepRunner(s, knobs, workers);
    long start = System.nanoTime();
    long seeds = 0;
    while (System.nanoTime() - start < nanos) {
      List<Long> batch =
          SweepRunner.seedsToRun(first + seeds, first + seeds + BATCH - 1, Shard.WHOLE, Set.of());
      runner.run(batch, null, quiet, false);
      seeds += BATCH;
    }
    return seeds / ((System.nanoTime() - start) / 1e9);
  }
}
