package dev.faultline.scenarios.cli;

import dev.faultline.reports.DiffReport;
import dev.faultline.scenarios.sweep.ResultsFile;
import dev.faultline.scenarios.sweep.SweepDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline diff OLD.jsonl NEW.jsonl}: two sweeps of one scenario and knobs (last night's
 * and tonight's, say), compared seed by seed. Exit 1 when some seed fails now that passed before, 0
 * otherwise, 2 when the files are not two sweeps of one configuration.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two sweeps' results files of one scenario and knobs: failures new, resolved and"
          + " still there, by seed and by failing check and anomaly kind.",
      "Exit 1 when a seed fails that passed before, 0 otherwise, 2 for files of different"
          + " scenarios or knobs."
    })
public final class DiffCommand implements Callable<Integer> {
  /** Seeds listed per section in the terminal; the HTML report lists every one. */
  private static final int MAX_LISTED = 30;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier sweep's results file.")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later sweep's results file.")
  Path newFile;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Also write the comparison as HTML into DIR/index.html.")
  Path reportDir;

  @Override
  public Integer call() {
    ResultsFile.Contents before = read(oldFile);
    ResultsFile.Contents after = read(newFile);
    if (!before.header().sameConfiguration(after.header())) {
      throw new UserError(mismatch(before, after), ExitCodes.USAGE);
    }
    SweepDiff d = SweepDiff.of(before.outcomes(), after.outcomes());
    PrintWriter out = spec.commandLine().getOut();
    List<String> facts = facts(before, after, d);
    facts.forEach(out::println);
    section(out, "new failures", d.news());
    section(out, "resolved", d.resolved());
    section(out, "still failing", d.still());
    out.println("by failing check and anomaly kind:");
    out.printf(
        Locale.ROOT,
        "  %-28s %6s %6s %9s %12s %8s%n",
        "check or anomaly",
        "old",
        "new",
        "appeared",
        "disappeared",
        "in both");
    for (SweepDiff.Row r : d.bySignature()) {
      out.printf(
          Locale.ROOT,
          "  %-28s %6d %6d %9d %12d %8d%n",
          r.signature(),
          r.oldFailing(),
          r.newFailing(),
          r.appeared(),
          r.disappeared(),
          r.kept());
    }
    if (d.bySignature().isEmpty()) {
      out.println("  (no failures in either sweep)");
    }
    out.printf(
        Locale.ROOT,
        "diff: new=%d resolved=%d still=%d%n",
        d.news().size(),
        d.resolved().size(),
        d.still().size());
    if (reportDir != null) {
      out.println("report: " + writeReport(before, facts, d));
    }
    out.flush();
    return d.regressed() ? ExitCodes.FAILED : ExitCodes.OK;
  }

  /** One sentence naming the scenarios, or the knobs, that differ. */
  private String mismatch(ResultsFile.Contents before, ResultsFile.Contents after) {
    String a = before.header().scenario();
    String b = after.header().scenario();
    if (!a.equals(b)) {
      return oldFile
          + " is a sweep of "
          + a
          + " and "
          + newFile
          + " of "
          + b
          + ", so diff cannot compare them";
    }
    List<String> differ = new ArrayList<>();
    SortedSet<String> names = new java.util.TreeSet<>(before.header().knobs().keySet());
    names.addAll(after.header().knobs().keySet());
    for (String k : names) {
      String x = before.header().knobs().get(k);
      String y = after.header().knobs().get(k);
      if (!java.util.Objects.equals(x, y)) {
        differ.add(k + " " + (x == null ? "unset" : x) + " vs " + (y == null ? "unset" : y));
      }
    }
    return oldFile
        + " and "
        + newFile
        + " are sweeps of "
        + a
        + " with different knobs ("
        + String.join(", ", differ)
        + "), so diff cannot compare them";
  }

  /** The knobs that differ from the scenario's defaults, when the catalog knows it; else all. */
  private static String knobsOf(ResultsFile.Contents c) {
    java.util.SortedMap<String, String> knobs = c.header().knobs();
    try {
      var s = dev.faultline.scenarios.ScenarioRegistry.find(c.header().scenario());
      if (s.isPresent()) {
        java.util.SortedMap<String, String> changed = new java.util.TreeMap<>();
        var defaults = dev.faultline.scenarios.Knobs.resolve(s.get(), java.util.Map.of()).values();
        knobs.forEach(
            (k, v) -> {
              if (!v.equals(defaults.get(k))) {
                changed.put(k, v);
              }
            });
        return changed.isEmpty() ? "default knobs" : "knobs " + changed;
      }
    } catch (RuntimeException e) {
      // a catalog that cannot be read (a user's jar missing) only costs the shorter listing
    }
    return "knobs " + knobs;
  }

  private static ResultsFile.Contents read(Path file) {
    try {
      return ResultsFile.read(file);
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage(), ExitCodes.USAGE);
    }
  }

  private List<String> facts(ResultsFile.Contents before, ResultsFile.Contents after, SweepDiff d) {
    List<String> facts = new ArrayList<>();
    facts.add("diff: " + before.header().scenario() + ", " + knobsOf(before));
    facts.add("old: " + oldFile + " (" + describe(before) + ")");
    facts.add("new: " + newFile + " (" + describe(after) + ")");
    String apart =
        d.onlyOld().isEmpty() && d.onlyNew().isEmpty()
            ? ""
            : "; compared only where both ran ("
                + d.onlyOld().size()
                + " seeds only in old, "
                + d.onlyNew().size()
                + " only in new)";
    String undecided =
        d.undecided().isEmpty() ? "" : "; " + d.undecided().size() + " undecided (UNKNOWN)";
    facts.add(
        "seeds in both: " + (before.outcomes().size() - d.onlyOld().size()) + apart + undecided);
    return facts;
  }

  private static String describe(ResultsFile.Contents c) {
    long failed =
        c.outcomes().values().stream()
            .filter(o -> o.status() == dev.faultline.scenarios.Verdict.Status.FAIL)
            .count();
    return "seeds "
        + c.header().seeds()
        + ", "
        + c.outcomes().size()
        + " run, "
        + failed
        + " failed";
  }

  private static void section(
      PrintWriter out, String name, SortedMap<Long, SweepDiff.Change> seeds) {
    out.println(name + " (" + seeds.size() + "):");
    int listed = 0;
    for (SweepDiff.Change c : seeds.values()) {
      if (listed++ == MAX_LISTED) {
        out.println("  ... " + (seeds.size() - MAX_LISTED) + " more (--report lists every one)");
        break;
      }
      out.println(
          "  seed " + c.seed() + ": " + change(c.before(), c.after()) + " — " + c.problem());
      out.println("    replay: " + c.replay());
    }
  }

  private static String change(SortedSet<String> before, SortedSet<String> after) {
    String was = before.isEmpty() ? "passed" : String.join(", ", before);
    String is = after.isEmpty() ? "passes" : String.join(", ", after);
    return was + " -> " + is;
  }

  private Path writeReport(ResultsFile.Contents before, List<String> facts, SweepDiff d) {
    List<DiffReport.Section> sections =
        List.of(
            new DiffReport.Section("New failures", "new", rows(d.news())),
            new DiffReport.Section("Resolved", "resolved", rows(d.resolved())),
            new DiffReport.Section("Still failing", "still", rows(d.still())));
    List<DiffReport.SignatureRow> sigs = new ArrayList<>();
    for (SweepDiff.Row r : d.bySignature()) {
      sigs.add(
          new DiffReport.SignatureRow(
              r.signature(),
              List.of(r.oldFailing(), r.newFailing(), r.appeared(), r.disappeared(), r.kept())));
    }
    String title = before.header().scenario() + ": what changed between two sweeps";
    try {
      return DiffReport.write(reportDir, new DiffReport.Input(title, facts, sections, sigs))
          .toAbsolutePath()
          .normalize();
    } catch (IOException e) {
      throw new UserError(
          "cannot write the report into " + reportDir + ": " + e.getMessage(), ExitCodes.USAGE);
    }
  }

  private static List<DiffReport.SeedRow> rows(SortedMap<Long, SweepDiff.Change> seeds) {
    List<DiffReport.SeedRow> rows = new ArrayList<>();
    for (SweepDiff.Change c : seeds.values()) {
      rows.add(
          new DiffReport.SeedRow(
              c.seed(),
              String.join(", ", c.before()),
              String.join(", ", c.after()),
              c.problem(),
              c.replay()));
    }
    return rows;
  }
}
