package dev.faultline.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The page {@code faultline diff --report} writes: two sweeps of one configuration side by side,
 * the failures that are new, resolved and still there, by seed and by failing check or anomaly
 * kind. Every value is escaped.
 */
public final class DiffReport {
  /**
   * One seed in a section.
   *
   * @param seed the seed
   * @param before what failed in the old sweep (empty: it passed)
   * @param after what fails in the new sweep
   * @param problem the first failing check's summary
   * @param replay the command that replays it
   */
  public record SeedRow(long seed, String before, String after, String problem, String replay) {}

  /**
   * A failing check or anomaly kind across both sweeps.
   *
   * @param signature e.g. {@code linearizable}, {@code anomaly:lost}
   * @param counts old, new, appeared, disappeared, kept
   */
  public record SignatureRow(String signature, List<Integer> counts) {}

  /**
   * What the page shows.
   *
   * @param title the heading
   * @param facts lines about the two sweeps (files, scenario, knobs, seed counts)
   * @param sections seed tables by name ({@code new failures}, {@code resolved}, {@code still
   *     failing}), in order
   * @param signatures the table by check and anomaly kind
   */
  public record Input(
      String title, List<String> facts, List<Section> sections, List<SignatureRow> signatures) {}

  /** A named table of seeds. */
  public record Section(String name, String css, List<SeedRow> rows) {}

  private DiffReport() {}

  public static String render(Input in) {
    StringBuilder b =
        new StringBuilder("<h1>").append(Html.esc(in.title())).append("</h1>\n<ul>\n");
    for (String f : in.facts()) {
      b.append("<li>").append(Html.esc(f)).append("</li>\n");
    }
    b.append("</ul>\n<h2>By failing check and anomaly kind</h2>\n<table id=\"signatures\">\n");
    b.append("<tr><th>check or anomaly</th><th>old</th><th>new</th><th>appeared</th>")
        .append("<th>disappeared</th><th>in both</th></tr>\n");
    for (SignatureRow r : in.signatures()) {
      b.append("<tr><td>").append(Html.esc(r.signature())).append("</td>");
      for (Integer c : r.counts()) {
        b.append("<td>").append(Html.esc(c)).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
    for (Section s : in.sections()) {
      b.append("<h2 id=\"")
          .append(Html.esc(s.css()))
          .append("\">")
          .append(Html.esc(s.name()))
          .append(" (")
          .append(s.rows().size())
          .append(")</h2>\n");
      if (s.rows().isEmpty()) {
        b.append("<p>none</p>\n");
        continue;
      }
      b.append("<table class=\"seeds ").append(Html.esc(s.css())).append("\">\n");
      b.append(
          "<tr><th>seed</th><th>before</th><th>now</th><th>problem</th><th>replay</th></tr>\n");
      for (SeedRow r : s.rows()) {
        b.append("<tr><td>")
            .append(r.seed())
            .append("</td><td>")
            .append(Html.esc(r.before()))
            .append("</td><td>")
            .append(Html.esc(r.after()))
            .append("</td><td>")
            .append(Html.esc(r.problem()))
            .append("</td><td><code>")
            .append(Html.esc(r.replay()))
            .append("</code></td></tr>\n");
      }
      b.append("</table>\n");
    }
    return Page.html(in.title(), b.toString());
  }

  /** Writes {@code index.html} into {@code dir} and returns its path. */
  public static Path write(Path dir, Input in) throws IOException {
    Path file = dir.resolve("index.html");
    Page.write(file, render(in));
    return file;
  }
}
