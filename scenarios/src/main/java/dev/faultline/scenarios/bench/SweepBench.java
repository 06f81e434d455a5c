package dev.faultline.scenarios.bench;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.sweep.Shard;
import dev.faultline.scenarios.sweep.SweepRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code faultline bench sweep}: seeds per second of each scenario with default knobs, at one
 * worker and at two, in a JVM warmed up first (a short sweep spends a core compiling: C2 runs for
 * the first ten seconds or so). Two workers should give nearly twice one.
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
        "sweep: default knobs, "
            + SEEDS
            + " seeds per measurement, after a warm-up of "
            + WARM_UP_SEEDS
            + " seeds on 2 workers; "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
    out.printf(
        Locale.ROOT,
        "%-14s %14s %14s %8s %16s%n",
        "scenario",
        "1 worker /s",
        "2 workers /s",
        "ratio",
        "simulated/wall");
    for (Scenario s : ScenarioRegistry.all()) {
      measure(s, Knobs.resolve(s, Map.of()), 2, 100_000, WARM_UP_NANOS);
    }
    for (Scenario s : ScenarioRegistry.all()) {
      Knobs knobs = Knobs.resolve(s, Map.of());
      double one = measure(s, knobs, 1, 200_000, MEASURE_NANOS);
      double two = measure(s, knobs, 2, 200_000, MEASURE_NANOS);
      long simulatedMicros = simulatedMicros(s, knobs);
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

  private static double measure(Scenario s, Knobs knobs, int workers, long first, int count)
      throws InterruptedException {
    List<Long> seeds =
        SweepRunner.seedsToRun(first, first + count - 1, Shard.WHOLE, java.util.Set.of());
    PrintWriter quiet = new PrintWriter(new StringWriter());
    long start = System.nanoTime();
    new SweepRunner(s, knobs, workers).run(seeds, null, quiet, false);
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static long simulatedMicros(Scenario s, Knobs knobs) {
    return dev.faultline.scenarios.ScenarioRunner.run(
            s, dev.faultline.scenarios.RunSpec.of(1, knobs))
        .simulatedMicros();
  }
}
