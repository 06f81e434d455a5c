package dev.faultline.scenarios.cli;

import dev.faultline.reports.MatrixReport;
import dev.faultline.scenarios.Launcher;
import dev.faultline.scenarios.compare.PairedDifference;
import dev.faultline.scenarios.matrix.CellOutcome;
import dev.faultline.scenarios.matrix.MatrixCell;
import dev.faultline.scenarios.matrix.MatrixCells;
import dev.faultline.scenarios.matrix.MatrixRunner;
import dev.faultline.scenarios.matrix.MatrixSelection;
import dev.faultline.scenarios.matrix.MatrixTable;
import dev.faultline.scenarios.sweep.Shard;
import dev.faultline.scenarios.sweep.SweepRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline matrix}: the trade-off matrix of docs/teaching.md. Every cell (a scenario, a
 * configuration and a forced fault) runs on the same seeds, is judged against the anomaly classes
 * it must and must not show, and is paired with its group's baseline. Exit 0 when every cell run
 * holds, 1 when one does not, 2 for bad arguments.
 */
@Command(
    name = "matrix",
    mixinStandardHelpOptions = true,
    description = {
      "Run the trade-off matrix (Kafka, Dynamo, Raft configurations under forced faults) on the"
          + " same seeds, check that each cell shows the anomalies it must and none it must not,"
          + " and pair each cell with its group's baseline.",
      "Exit 0 when every cell holds, 1 when one does not, 2 for bad arguments.",
      "Example: faultline matrix --seeds 1..20 --only dynamo/partition"
    })
public final class MatrixCommand implements Callable<Integer> {
  /** The depth docs/teaching.md measures the matrix at. */
  static final String DEFAULT_SEEDS = "1..300";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--seeds",
      paramLabel = "A..B",
      description = "Seeds every cell runs (default: " + DEFAULT_SEEDS + ").")
  String seeds = DEFAULT_SEEDS;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Simulations run at once (default: the number of cores).")
  int workers = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--only",
      paramLabel = "SECTION|GROUP|CELL",
      split = ",",
      description =
          "Run only these sections (kafka), groups (kafka/leader-crash) or cells"
              + " (kafka/leader-crash/acks=1), each with its group's baseline (repeatable;"
              + " --list shows them).")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Write the matrix as HTML into DIR/index.html.")
  Path reportDir;

  @Option(names = "--list", description = "Print every cell and its expectations; run nothing.")
  boolean list;

  @Override
  public Integer call() throws InterruptedException {
    if (workers < 1) {
      throw new UserError("--workers must be at least 1, not " + workers);
    }
    SeedRange range = SeedRange.parse(seeds);
    range.countIn(Shard.WHOLE);
    List<MatrixCell> selected;
    try {
      selected = MatrixSelection.select(MatrixCells.all(), only);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      printList(out, selected);
      return ExitCodes.OK;
    }
    List<MatrixCell> runnable = new ArrayList<>();
    Map<String, List<String>> missing = new LinkedHashMap<>();
    for (MatrixCell c : selected) {
      if (MatrixRunner.scenario(c).isPresent()) {
        runnable.add(c);
      } else {
        missing.computeIfAbsent(c.scenario(), s -> new ArrayList<>()).add(c.id());
      }
    }
    List<String> skipped = new ArrayList<>();
    missing.forEach(
        (s, ids) ->
            skipped.add(
                s
                    + ": not in this build ("
                    + ids.size()
                    + " cell(s) skipped: "
                    + String.join(", ", ids)
                    + ")"));
    List<Long> seedList =
        SweepRunner.seedsToRun(range.first(), range.last(), Shard.WHOLE, Set.of());
    out.println(
        "matrix: "
            + runnable.size()
            + " cells, seeds "
            + range
            + " each (the same seeds in every cell: a group's cells meet the same faults unless"
            + " the configuration changes them)");
    skipped.forEach(out::println);
    out.flush();
    long start = System.nanoTime();
    List<CellOutcome> outcomes =
        new MatrixRunner(workers, spec.commandLine().getErr(), System.console() != null)
            .run(runnable, seedList);
    long wallSecs = Math.round((System.nanoTime() - start) / 1e9);
    out.println();
    if (!outcomes.isEmpty()) {
      MatrixTable.print(out, outcomes);
    }
    long holding = outcomes.stream().filter(CellOutcome::holds).count();
    out.println(
        String.format(
            Locale.ROOT,
            "matrix: %d of %d cells hold (%s), %d skipped; %d seeds per cell, %ds with %d"
                + " workers",
            holding,
            outcomes.size(),
            MatrixTable.mark(holding == outcomes.size()),
            countSkipped(missing),
            seedList.size(),
            wallSecs,
            workers));
    if (reportDir != null) {
      out.println("report: " + writeReport(range, outcomes, skipped));
    }
    out.flush();
    return holding == outcomes.size() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static int countSkipped(Map<String, List<String>> missing) {
    return missing.values().stream().mapToInt(List::size).sum();
  }

  private void printList(PrintWriter out, List<MatrixCell> cells) {
    String group = null;
    for (MatrixCell c : cells) {
      if (!c.group().equals(group)) {
        group = c.group();
        out.println(group);
      }
      StringBuilder knobs = new StringBuilder();
      c.knobs().forEach((k, v) -> knobs.append(' ').append(k).append('=').append(v));
      out.println(
          "  "
              + c.id()
              + ": "
              + c.scenario()
              + knobs
              + "  "
              + c.expectation()
              + (MatrixRunner.scenario(c).isPresent() ? "" : "  (not in this build)"));
    }
    out.flush();
  }

  private String rerunCommand(SeedRange range) {
    StringBuilder sb = new StringBuilder(Launcher.command() + " matrix --seeds " + range);
    for (String o : only) {
      sb.append(" --only ").append(Launcher.quote(o));
    }
    return sb.toString();
  }

  private Path writeReport(SeedRange range, List<CellOutcome> outcomes, List<String> skipped) {
    List<PairedDifference> paired = MatrixTable.paired(outcomes);
    List<MatrixReport.Row> rows = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      CellOutcome o = outcomes.get(i);
      List<String> cols = MatrixTable.pairedColumns(paired.get(i));
      StringBuilder knobs = new StringBuilder();
      o.cell().knobs().forEach((k, v) -> knobs.append(k).append('=').append(v).append(' '));
      rows.add(
          new MatrixReport.Row(
              o.cell().group(),
              o.cell().label(),
              o.cell().scenario(),
              knobs.toString().strip(),
              o.cell().expectation(),
              o.runs(),
              o.failed(),
              MatrixTable.seen(o),
              cols.get(0),
              cols.get(1),
              cols.get(2),
              o.holds(),
              o.problems()));
    }
    List<String> facts = new ArrayList<>();
    facts.add("seeds " + range + " in every cell, each paired seed by seed with its group's first");
    facts.add("a class listed with + must occur in at least one seed, one listed with - in none");
    List<Integer> differ = MatrixTable.schedulesDiffer(outcomes);
    for (int i = 0; i < outcomes.size(); i++) {
      if (differ.get(i) > 0) {
        facts.add(MatrixTable.scheduleNote(outcomes.get(i), differ.get(i)));
      }
    }
    try {
      return MatrixReport.write(
              reportDir,
              new MatrixReport.Input(
                  "The trade-off matrix, seeds " + range,
                  rerunCommand(range),
                  facts,
                  rows,
                  skipped))
          .toAbsolutePath()
          .normalize();
    } catch (IOException e) {
      throw new UserError("cannot write the report into " + reportDir + ": " + e.getMessage(), 2);
    }
  }
}
