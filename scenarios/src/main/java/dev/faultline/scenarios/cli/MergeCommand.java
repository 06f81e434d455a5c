package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.sweep.ResultsFile;
import dev.faultline.scenarios.sweep.SeedOutcome;
import dev.faultline.scenarios.sweep.SweepHeader;
import dev.faultline.scenarios.sweep.SweepSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline merge FILE...}: combines the results files of a sharded (or resumed) sweep into
 * one summary, the same text an uninterrupted sweep over those seeds prints.
 *
 * <p>One rule for what cannot be combined: files of another scenario or other knobs, a malformed
 * line, and a seed whose trace hashes differ between files are all bad input (exit 2, one
 * sentence). Exit 1 means only what it means everywhere else: a merged seed failed a check.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = "Combine sweep results files (e.g. one per shard) into one summary.")
public final class MergeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Results files of one sweep.")
  List<Path> files;

  @Override
  public Integer call() {
    SweepHeader first = null;
    SortedMap<Long, SeedOutcome> all = new TreeMap<>();
    for (Path f : files) {
      ResultsFile.Contents c;
      try {
        c = ResultsFile.read(f);
      } catch (java.nio.file.NoSuchFileException e) {
        throw new UserError(f + ": no such file", ExitCodes.USAGE);
      } catch (IOException e) {
        String m = String.valueOf(e.getMessage());
        throw new UserError(
            m.startsWith(f.toString()) ? m : "cannot read " + f + ": " + m, ExitCodes.USAGE);
      }
      if (first == null) {
        first = c.header();
      } else if (!first.sameConfiguration(c.header())) {
        throw new UserError(
            f
                + " holds scenario "
                + c.header().scenario()
                + " with other knobs than "
                + files.get(0)
                + "; merge only the shards of one sweep",
            ExitCodes.USAGE);
      }
      for (SeedOutcome o : c.outcomes().values()) {
        SeedOutcome before = all.putIfAbsent(o.seed(), o);
        if (before != null && !before.traceHash().equals(o.traceHash())) {
          throw new UserError(
              "seed "
                  + o.seed()
                  + " has two different trace hashes across the files ("
                  + before.traceHash()
                  + ", "
                  + o.traceHash()
                  + "): the runs were not deterministic or not of one version",
              ExitCodes.USAGE);
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("merge: " + first.scenario() + " from " + files.size() + " file(s)");
    out.println("knobs: " + first.knobs());
    return SweepSummary.print(out, all);
  }
}
