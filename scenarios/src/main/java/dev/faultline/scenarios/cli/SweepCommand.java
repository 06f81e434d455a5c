package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code faultline sweep SCENARIO --seeds A..B}: runs many seeds, one simulation per worker thread
 * (each simulation stays single-threaded), and lists every failing seed with its replay command.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = "Run a range of seeds of a scenario. Exit 0 when all pass, 1 when any fails.")
public final class SweepCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ScenarioOptions options;

  @Option(names = "--seeds", required = true, paramLabel = "A..B", description = "Seeds to run.")
  String seeds;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Simulations run at once (default: the number of cores).")
  int workers = Runtime.getRuntime().availableProcessors();

  /** What a sweep keeps of each run: enough to summarise and replay it. */
  record Outcome(long seed, Verdict.Status status, String firstProblem, String replay) {}

  @Override
  public Integer call() throws InterruptedException {
    Scenario scenario = options.scenario();
    Knobs knobs = options.resolve(scenario);
    SeedRange range = SeedRange.parse(seeds);
    if (workers < 1) {
      throw new UserError("--workers must be at least 1, not " + workers);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.println("sweep: " + scenario.name() + " seeds " + range + " with " + workers + " workers");
    out.println("knobs: " + knobs.values());
    out.flush();
    List<Outcome> outcomes = runAll(scenario, knobs, range, err);
    return summarize(out, outcomes);
  }

  private List<Outcome> runAll(Scenario scenario, Knobs knobs, SeedRange range, PrintWriter err)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (long s = range.first(); s <= range.last(); s++) {
        long seed = s;
        futures.add(
            pool.submit(() -> outcome(ScenarioRunner.run(scenario, RunSpec.of(seed, knobs)))));
      }
      List<Outcome> outcomes = new ArrayList<>();
      long start = System.nanoTime();
      long lastReport = start;
      for (Future<Outcome> f : futures) {
        outcomes.add(get(f));
        long now = System.nanoTime();
        if (now - lastReport > 2_000_000_000L) {
          lastReport = now;
          double rate = outcomes.size() / ((now - start) / 1e9);
          err.println(
              String.format(
                  Locale.ROOT,
                  "progress: %d/%d seeds, %.1f seeds/s",
                  outcomes.size(),
                  futures.size(),
                  rate));
          err.flush();
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome get(Future<Outcome> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a scenario run threw", e.getCause());
    }
  }

  static Outcome outcome(ScenarioResult r) {
    String problem = "";
    for (Verdict v : r.verdicts()) {
      if (v.status() != Verdict.Status.PASS) {
        problem = v.check() + ": " + v.summary();
        break;
      }
    }
    return new Outcome(r.seed(), r.status(), problem, r.replayCommand());
  }

  private static int summarize(PrintWriter out, List<Outcome> outcomes) {
    int passed = 0;
    int failed = 0;
    int unknown = 0;
    for (Outcome o : outcomes) {
      switch (o.status()) {
        case PASS -> passed++;
        case FAIL -> failed++;
        case UNKNOWN -> unknown++;
      }
      if (o.status() != Verdict.Status.PASS) {
        out.println(o.status() + " seed " + o.seed() + " — " + o.firstProblem());
        out.println("  replay: " + o.replay());
      }
    }
    out.println(
        "seeds="
            + outcomes.size()
            + " passed="
            + passed
            + " failed="
            + failed
            + " unknown="
            + unknown);
    out.flush();
    if (failed > 0) {
      return ExitCodes.FAILED;
    }
    return unknown > 0 ? ExitCodes.UNKNOWN : ExitCodes.OK;
  }
}
