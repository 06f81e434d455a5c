package dev.faultline.scenarios.matrix;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.sweep.SeedOutcome;
import dev.faultline.scenarios.sweep.SweepRunner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs matrix cells on the same seeds, each cell as a sweep (seeds in parallel, each simulation on
 * one thread), and keeps what each seed showed. A cell with the scenario and knobs of one already
 * run (a baseline that heads two groups) reuses its runs.
 */
public final class MatrixRunner {
  private final int workers;
  private final PrintWriter err;
  private final boolean terminal;

  /**
   * @param workers simulations at once
   * @param err where progress goes: a line per cell and the sweep's progress bar
   * @param terminal whether {@code err} is a terminal (a bar redrawn in place) or a log
   */
  public MatrixRunner(int workers, PrintWriter err, boolean terminal) {
    this.workers = workers;
    this.err = err;
    this.terminal = terminal;
  }

  /** The scenario a cell names, if this build (and the user's class path) has it. */
  public static Optional<Scenario> scenario(MatrixCell cell) {
    return ScenarioRegistry.find(cell.scenario());
  }

  /** Resolves a cell's knobs with its scenario's own checks; a KnobException when they are bad. */
  public static Knobs knobs(Scenario scenario, MatrixCell cell) {
    return Knobs.resolve(scenario, cell.knobs());
  }

  /** Runs {@code cells}, whose scenarios must exist, on {@code seeds}, in order. */
  public List<CellOutcome> run(List<MatrixCell> cells, List<Long> seeds)
      throws InterruptedException {
    Map<String, CellOutcome> done = new LinkedHashMap<>();
    List<CellOutcome> out = new ArrayList<>();
    // Wall-clock time is fine here: it only tells the user how long the matrix has left.
    long start = System.nanoTime();
    int i = 0;
    for (MatrixCell cell : cells) {
      i++;
      Scenario scenario = scenario(cell).orElseThrow();
      Knobs knobs = knobs(scenario, cell);
      String key = cell.scenario() + " " + knobs.values();
      CellOutcome before = done.get(key);
      long elapsedSecs = (System.nanoTime() - start) / 1_000_000_000L;
      String eta =
          i == 1
              ? ""
              : ", about " + duration(elapsedSecs * (cells.size() - i + 1) / (i - 1)) + " left";
      err.println(
          "matrix: cell "
              + i
              + "/"
              + cells.size()
              + ": "
              + cell.id()
              + " ("
              + duration(elapsedSecs)
              + " so far"
              + eta
              + ")");
      err.flush();
      if (before != null) {
        out.add(before.as(cell));
        continue;
      }
      CellOutcome o = runCell(scenario, cell, knobs, seeds);
      done.put(key, o);
      out.add(o);
    }
    return out;
  }

  private static String duration(long secs) {
    return secs >= 60
        ? (secs / 60) + "m" + String.format(java.util.Locale.ROOT, "%02ds", secs % 60)
        : secs + "s";
  }

  private CellOutcome runCell(Scenario scenario, MatrixCell cell, Knobs knobs, List<Long> seeds)
      throws InterruptedException {
    // The observer runs on the sweep's worker threads.
    Map<Long, SortedSet<String>> classes = new ConcurrentHashMap<>();
    Map<Long, String> schedules = new ConcurrentHashMap<>();
    SweepRunner runner =
        new SweepRunner(
            scenario,
            knobs,
            workers,
            r -> {
              classes.put(r.seed(), Observation.of(r));
              schedules.put(r.seed(), r.schedule().print());
            });
    SortedMap<Long, SeedOutcome> outcomes = runner.run(seeds, null, err, terminal);
    return new CellOutcome(cell, knobs, outcomes, new TreeMap<>(classes), new TreeMap<>(schedules));
  }
}
