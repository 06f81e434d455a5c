package dev.faultline.scenarios.report;

import dev.faultline.reports.SiteIndex;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The site {@code faultline tour} writes: one report per scenario and an index page linking them.
 * Add each result as it comes, then {@link #finish}.
 */
public final class TourSite {
  /**
   * Where the site goes unless {@code --report DIR} says otherwise, under the current directory.
   */
  public static final Path DEFAULT_DIR = Path.of("faultline-reports", "tour");

  private final Path dir;
  private final long seed;
  private final List<SiteIndex.Entry> entries = new ArrayList<>();

  public TourSite(Path dir, long seed) {
    this.dir = dir;
    this.seed = seed;
  }

  /**
   * Writes the report of {@code r} (which should carry a full trace) and lists it. Throws {@link
   * ReportException} naming the file when it cannot be written.
   */
  public void add(ScenarioResult r) {
    String file = RunReports.fileName(r.scenario(), r.seed());
    RunReports.writeInto(dir, r);
    entries.add(new SiteIndex.Entry(r.scenario(), r.status().name(), summary(r), file));
  }

  /** Writes the index page and returns its absolute path. */
  public Path finish() {
    Path index = dir.resolve("index.html").toAbsolutePath().normalize();
    try {
      return SiteIndex.write(
          index.getParent(),
          "Faultline tour, seed " + seed,
          "Every scenario of the catalog, run once with its default knobs. Each report holds the"
              + " configuration, the fault schedule, the checks and the command that replays the"
              + " run.",
          entries);
    } catch (IOException e) {
      throw new ReportException("cannot write the index " + index + ": " + e.getMessage(), e);
    }
  }

  private static String summary(ScenarioResult r) {
    List<String> parts = new ArrayList<>();
    for (Verdict v : r.verdicts()) {
      parts.add(
          v.check()
              + " "
              + v.status().name().toLowerCase(java.util.Locale.ROOT)
              + ": "
              + v.summary());
    }
    return String.join("; ", parts);
  }
}
