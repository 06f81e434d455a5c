package dev.faultline.scenarios.cli;

import dev.faultline.reports.SweepReportInput;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.sweep.ClientMetrics;
import dev.faultline.scenarios.sweep.ResultsFile;
import dev.faultline.scenarios.sweep.SeedOutcome;
import dev.faultline.scenarios.sweep.Shard;
import dev.faultline.scenarios.sweep.SweepHeader;
import dev.faultline.scenarios.sweep.SweepRunner;
import dev.faultline.scenarios.sweep.SweepSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code faultline sweep SCENARIO --seeds A..B}: runs many seeds, one simulation per worker thread
 * (each simulation stays single-threaded), writes each seed's result to a results file as it
 * finishes, and lists every failing seed with its replay command.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a range of seeds of a scenario. Exit 0 when all pass, 1 when any fails.",
      "Results go to a JSON-lines file as each seed finishes; --resume skips seeds already in it."
    })
public final class SweepCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ScenarioOptions options;

  @Mixin SeedOptions seedOptions;

  @Option(
      names = "--results",
      paramLabel = "FILE",
      description = "The results file (default: faultline-results/SCENARIO-A..B-KNOBS.jsonl).")
  Path resultsFile;

  @Option(names = "--resume", description = "Keep the results file's seeds and run only the rest.")
  boolean resume;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Run only shard I of N (0-based): every N-th seed from the first plus I; auto/N takes I"
              + " from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job's pod index).")
  String shardText = "0/1";

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Write an HTML sweep report (and failing seeds' reports) into DIR.")
  Path reportDir;

  @Option(
      names = "--histories",
      paramLabel = "DIR",
      description =
          "Also write each seed's client history into DIR as SCENARIO-seedN.edn (or .jsonl); see"
              + " docs/histories.md.")
  Path historiesDir;

  @Option(
      names = "--history-format",
      paramLabel = "F",
      description = "edn (Jepsen EDN, the default) or jsonl, for --histories.")
  String historyFormat = "edn";

  @Override
  public Integer call() throws InterruptedException {
    Scenario scenario = options.scenario();
    Knobs knobs = options.resolve(scenario);
    HistorySink histories =
        historiesDir == null
            ? null
            : new HistorySink(
                historiesDir,
                HistoryFiles.formatNamed(historyFormat),
                HistoryFiles.checkOf(scenario, knobs));
    Shard shard = parseShard(shardText);
    SeedRange range = seedOptions.range(shard);
    int workers = seedOptions.workers;
    Path file = resultsFile != null ? resultsFile : defaultFile(scenario, knobs, range, shard);
    SweepHeader header =
        new SweepHeader(scenario.name(), knobs.values(), range.toString(), shard.toString());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SortedMap<Long, SeedOutcome> done =
        resume ? previous(file, header, range, shard) : new TreeMap<>();
    List<Long> todo = SweepRunner.seedsToRun(range.first(), range.last(), shard, done.keySet());
    out.printf(
        Locale.ROOT,
        "sweep: %s seeds %s shard %s with %d workers; %d to run, %d already done%n",
        scenario.name(),
        range,
        shard,
        workers,
        todo.size(),
        done.size());
    out.println("knobs: " + knobs.values());
    out.println("results: " + file);
    out.flush();
    Histogram latency = new SynchronizedHistogram(3);
    try (ResultsFile results =
        resume && Files.exists(file)
            ? ResultsFile.resume(file, header, done.values())
            : ResultsFile.create(file, header)) {
      boolean terminal = isTerminal();
      done.putAll(
          new SweepRunner(
                  scenario,
                  knobs,
                  workers,
                  r -> {
                    ClientMetrics.recordLatencies(r.history(), latency);
                    if (histories != null) {
                      histories.accept(r);
                    }
                  })
              .run(todo, results, err, terminal));
    } catch (IOException e) {
      throw new UserError("cannot write results file " + file + ": " + e.getMessage(), 2);
    }
    if (histories != null) {
      histories.finish(out);
    }
    int code = SweepSummary.print(out, done);
    if (reportDir != null) {
      String label = knobs.changed().isEmpty() ? "default knobs" : knobs.changed().toString();
      SweepReportInput.Config row =
          ReportWriting.row(reportDir, "", scenario, knobs, label, done, latency, out);
      Path index =
          ReportWriting.index(
              reportDir,
              scenario.name() + ": sweep, seeds " + range,
              dev.faultline.scenarios.Launcher.command()
                  + " sweep "
                  + scenario.name()
                  + " --seeds "
                  + range
                  + knobs.asSetFlags(),
              List.of(row));
      out.println("report: " + index);
      out.flush();
    }
    return code;
  }

  private static boolean isTerminal() {
    return System.console() != null;
  }

  static Shard parseShard(String text) {
    try {
      return Shard.resolve(text, System::getenv);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  private static SortedMap<Long, SeedOutcome> previous(
      Path file, SweepHeader header, SeedRange range, Shard shard) {
    SortedMap<Long, SeedOutcome> kept = new TreeMap<>();
    ResultsFile.Contents contents;
    try {
      if (!Files.exists(file) || ResultsFile.isUnstarted(file)) {
        return kept;
      }
      contents = ResultsFile.read(file);
    } catch (IOException e) {
      throw new UserError(e.getMessage(), ExitCodes.USAGE);
    }
    if (!contents.header().sameConfiguration(header)) {
      throw new UserError(
          "cannot resume from "
              + file
              + ": it holds scenario "
              + contents.header().scenario()
              + " with knobs "
              + contents.header().knobs()
              + ", not this sweep's; choose another --results file",
          ExitCodes.USAGE);
    }
    for (SeedOutcome o : contents.outcomes().values()) {
      if (o.seed() >= range.first()
          && o.seed() <= range.last()
          && shard.includes(o.seed(), range.first())) {
        kept.put(o.seed(), o);
      }
    }
    return kept;
  }

  static Path defaultFile(Scenario scenario, Knobs knobs, SeedRange range, Shard shard) {
    String knobTag = String.format(Locale.ROOT, "%08x", knobs.changed().toString().hashCode());
    String shardTag = shard.count() == 1 ? "" : "-shard-" + shard.index() + "of" + shard.count();
    return Path.of(
        "faultline-results",
        scenario.name()
            + "-"
            + range.first()
            + ".."
            + range.last()
            + shardTag
            + "-"
            + knobTag
            + ".jsonl");
  }
}
