package dev.faultline.scenarios.sweep;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs seeds of one scenario configuration on a pool of worker threads, one simulation per thread
 * at a time (each simulation stays single-threaded), writing each outcome to the results file the
 * moment it finishes.
 */
public final class SweepRunner {
  private final Scenario scenario;
  private final Knobs knobs;
  private final int workers;
  private final java.util.function.Consumer<dev.faultline.scenarios.ScenarioResult> observer;

  public SweepRunner(Scenario scenario, Knobs knobs, int workers) {
    this(scenario, knobs, workers, r -> {});
  }

  /**
   * A runner that also hands every full result to {@code observer}, on the worker thread that ran
   * it (so the observer must be thread-safe), before the result is reduced to an outcome.
   */
  public SweepRunner(
      Scenario scenario,
      Knobs knobs,
      int workers,
      java.util.function.Consumer<dev.faultline.scenarios.ScenarioResult> observer) {
    if (workers < 1) {
      throw new IllegalArgumentException("a sweep needs at least one worker");
    }
    this.scenario = scenario;
    this.knobs = knobs;
    this.workers = workers;
    this.observer = observer;
  }

  /**
   * Runs {@code seeds}, appending each outcome to {@code results} (may be null), and returns every
   * outcome by seed. Seeds are handed to the workers a few at a time, so a long list costs no queue
   * of waiting tasks.
   */
  public SortedMap<Long, SeedOutcome> run(
      List<Long> seeds, ResultsFile results, PrintWriter err, boolean terminal)
      throws InterruptedException {
    SortedMap<Long, SeedOutcome> outcomes = new TreeMap<>();
    if (seeds.isEmpty()) {
      return outcomes;
    }
    int threads = Math.min(workers, seeds.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CompletionService<SeedOutcome> done = new ExecutorCompletionService<>(pool);
      Iterator<Long> next = seeds.iterator();
      int inFlight = 0;
      for (int i = 0; i < 4 * threads && next.hasNext(); i++, inFlight++) {
        submit(done, next.next());
      }
      Progress progress = new Progress(err, terminal, seeds.size());
      while (inFlight > 0) {
        SeedOutcome o = take(done);
        inFlight--;
        if (next.hasNext()) {
          submit(done, next.next());
          inFlight++;
        }
        outcomes.put(o.seed(), o);
        if (results != null) {
          results.write(o);
        }
        progress.advance(o.status() == Verdict.Status.FAIL);
      }
      progress.finish();
      return outcomes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private void submit(CompletionService<SeedOutcome> done, long seed) {
    done.submit(
        () -> {
          dev.faultline.scenarios.ScenarioResult r =
              ScenarioRunner.run(scenario, RunSpec.of(seed, knobs));
          observer.accept(r);
          return SeedOutcome.of(r);
        });
  }

  private static SeedOutcome take(CompletionService<SeedOutcome> done) throws InterruptedException {
    try {
      return done.take().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a scenario run threw: " + e.getCause(), e.getCause());
    }
  }

  /**
   * The seeds of {@code first..last} in {@code shard}, minus those already done. It steps from one
   * seed of the shard to the next, never over the seeds of other shards; the caller bounds the
   * count.
   */
  public static List<Long> seedsToRun(
      long first, long last, Shard shard, java.util.Set<Long> alreadyDone) {
    List<Long> seeds = new ArrayList<>();
    for (long s = first + shard.index(); s <= last && s >= first; s += shard.count()) {
      if (!alreadyDone.contains(s)) {
        seeds.add(s);
      }
    }
    return seeds;
  }
}
