package dev.faultline.scenarios.cli;

import dev.faultline.checker.gen.HistoryText;
import dev.faultline.checker.gen.WideHistories;
import dev.faultline.checker.gen.WideHistorySpec;
import dev.faultline.checker.history.Op;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline gen-history}: writes a generated register history for benchmarking checkers,
 * ours or another's. The same options always give the same file. See docs/check.md.
 */
@Command(
    name = "gen-history",
    mixinStandardHelpOptions = true,
    description = {
      "Write a generated register history, linearizable by construction or with a planted"
          + " violation, for benchmarking checkers (see docs/check.md).",
      "Shapes: mixed (many processes running reads, writes and cas on one register) and"
          + " concurrent-writes (distinct concurrent writes, then two reads)."
    })
public final class GenHistoryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--shape", paramLabel = "S", description = "mixed or concurrent-writes.")
  String shape = "mixed";

  @Option(names = "--processes", paramLabel = "N", description = "Concurrent processes (60).")
  int processes = 60;

  @Option(names = "--entries", paramLabel = "N", description = "History entries (2000).")
  int entries = 2000;

  @Option(names = "--reads", paramLabel = "PCT", description = "Reads, percent (40).")
  int reads = 40;

  @Option(names = "--writes", paramLabel = "PCT", description = "Writes, percent; cas the rest.")
  int writes = 35;

  @Option(names = "--values", paramLabel = "N", description = "Values 0..N-1 (10).")
  int values = 10;

  @Option(
      names = "--crash",
      paramLabel = "PCT",
      description = "Writes and cas that crash and end :info, percent (10).")
  int crash = 10;

  @Option(names = "--unique", description = "Every write and cas writes a value of its own.")
  boolean unique;

  @Option(
      names = "--violation",
      description = "Plant a violation: a stale read (mixed), or two reads no order explains.")
  boolean violation;

  @Option(
      names = "--latency-us",
      paramLabel = "US",
      description = "Mean operation latency, microseconds (1000).")
  long latencyMicros = 1000;

  @Option(
      names = "--think-us",
      paramLabel = "US",
      description = "Mean wait between a process's operations, microseconds (10000).")
  long thinkMicros = 10_000;

  @Option(
      names = "--late-us",
      paramLabel = "US",
      description =
          "Mean delay after a crash before a crashed write or cas that takes effect late does so,"
              + " microseconds (latency + think time).")
  long lateMicros;

  @Option(names = "--writers", paramLabel = "N", description = "concurrent-writes: completed.")
  int writers = 220;

  @Option(names = "--crashed", paramLabel = "N", description = "concurrent-writes: ending :info.")
  int crashed = 120;

  @Option(names = "--seed", paramLabel = "N", description = "The seed (1).")
  long seed = 1;

  @Option(names = "--format", paramLabel = "F", description = "edn, jsonl or porcupine (edn).")
  String format = "edn";

  @Option(
      names = {"--out", "-o"},
      required = true,
      paramLabel = "FILE",
      description = "The file to write.")
  Path out;

  @Override
  public Integer call() {
    if (!HistoryText.FORMATS.contains(format)) {
      throw new UserError("unknown --format '" + format + "'; use edn, jsonl or porcupine.");
    }
    List<Op> ops;
    try {
      ops =
          switch (shape) {
            case "mixed" ->
                WideHistories.mixed(
                    new WideHistorySpec(
                        processes,
                        entries,
                        reads,
                        writes,
                        values,
                        crash,
                        unique,
                        violation,
                        latencyMicros,
                        thinkMicros,
                        seed,
                        lateMicros));
            case "concurrent-writes" ->
                WideHistories.concurrentWrites(writers, crashed, violation, seed);
            default ->
                throw new UserError(
                    "unknown --shape '" + shape + "'; use mixed or concurrent-writes.");
          };
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      HistoryText.write(ops, format, w);
    } catch (IOException e) {
      throw new UserError(out + ": cannot be written (" + e.getMessage() + ").", ExitCodes.USAGE);
    }
    spec.commandLine()
        .getOut()
        .printf("%s: %d entries (%s, seed %d, %s)%n", out, ops.size(), shape, seed, format);
    return ExitCodes.OK;
  }
}
