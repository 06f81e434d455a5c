package dev.faultline.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The page {@code faultline matrix --report} writes: every cell of the trade-off matrix with what
 * it must and must not show, what its seeds showed, its failure rate against its group's baseline
 * on the same seeds, and whether it holds; then why each cell that does not hold fails, with a
 * command that replays a seed. Every value is escaped.
 */
public final class MatrixReport {
  /**
   * One cell.
   *
   * @param group the pairing group ({@code kafka/leader-crash})
   * @param label the configuration
   * @param scenario the scenario's name
   * @param knobs the knobs the cell sets, as {@code k=v k=v}
   * @param expectation what it must ({@code +}) and must not ({@code -}) show
   * @param runs seeds run
   * @param failed seeds in which a check failed
   * @param seen the classes seen, with the seeds showing each
   * @param difference failure rate minus the baseline's on the paired seeds, or {@code baseline}
   * @param interval the paired 95% interval of the difference, or empty
   * @param pValue McNemar's exact p-value, or empty
   * @param holds whether every expectation held
   * @param problems why not, one sentence each with a replay command
   */
  public record Row(
      String group,
      String label,
      String scenario,
      String knobs,
      String expectation,
      int runs,
      int failed,
      String seen,
      String difference,
      String interval,
      String pValue,
      boolean holds,
      List<String> problems) {
    public Row {
      problems = List.copyOf(problems);
    }
  }

  /**
   * What the page shows.
   *
   * @param title the heading
   * @param command the command that runs this matrix again
   * @param facts lines about the run (seeds, cells, wall time)
   * @param rows the cells run, in table order
   * @param skipped lines naming cells skipped, and why
   */
  public record Input(
      String title, String command, List<String> facts, List<Row> rows, List<String> skipped) {
    public Input {
      facts = List.copyOf(facts);
      rows = List.copyOf(rows);
      skipped = List.copyOf(skipped);
    }
  }

  private MatrixReport() {}

  public static String render(Input in) {
    long holding = in.rows().stream().filter(Row::holds).count();
    StringBuilder b = new StringBuilder("<h1>").append(Html.esc(in.title())).append("</h1>\n");
    b.append("<p><span id=\"verdict\" class=\"status status-")
        .append(holding == in.rows().size() ? "PASS" : "FAIL")
        .append("\">")
        .append(holding)
        .append(" of ")
        .append(in.rows().size())
        .append(" cells hold</span></p>\n<p>Run it again: <code>")
        .append(Html.esc(in.command()))
        .append("</code></p>\n<ul>\n");
    for (String f : in.facts()) {
      b.append("<li>").append(Html.esc(f)).append("</li>\n");
    }
    for (String s : in.skipped()) {
      b.append("<li class=\"skipped\">").append(Html.esc(s)).append("</li>\n");
    }
    b.append("</ul>\n<table id=\"matrix\">\n<tr><th>group</th><th>configuration</th>")
        .append("<th>scenario and knobs</th><th>must (+) and must not (-) show</th>")
        .append("<th>seeds</th><th>failed</th><th>seen (seeds)</th>")
        .append("<th>failure rate vs baseline</th><th>paired 95% CI</th><th>McNemar p</th>")
        .append("<th>holds</th></tr>\n");
    for (Row r : in.rows()) {
      b.append("<tr class=\"")
          .append(r.holds() ? "holds" : "broken")
          .append("\"><td>")
          .append(Html.esc(r.group()))
          .append("</td><td>")
          .append(Html.esc(r.label()))
          .append("</td><td><code>")
          .append(Html.esc(r.scenario()))
          .append(' ')
          .append(Html.esc(r.knobs()))
          .append("</code></td><td>")
          .append(Html.esc(r.expectation()))
          .append("</td><td class=\"num\">")
          .append(r.runs())
          .append("</td><td class=\"num\">")
          .append(r.failed())
          .append("</td><td>")
          .append(Html.esc(r.seen()))
          .append("</td><td class=\"num\">")
          .append(Html.esc(r.difference()))
          .append("</td><td class=\"num\">")
          .append(Html.esc(r.interval()))
          .append("</td><td class=\"num\">")
          .append(Html.esc(r.pValue()))
          .append("</td><td><span class=\"status status-")
          .append(r.holds() ? "PASS\">&#10003;" : "FAIL\">&#10007;")
          .append("</span></td></tr>\n");
    }
    b.append("</table>\n");
    appendProblems(b, in.rows());
    return Page.html(in.title(), b.toString());
  }

  private static void appendProblems(StringBuilder b, List<Row> rows) {
    List<Row> broken = rows.stream().filter(r -> !r.holds()).toList();
    b.append("<h2 id=\"broken\">Cells that do not hold (").append(broken.size()).append(")</h2>\n");
    if (broken.isEmpty()) {
      b.append("<p>none</p>\n");
      return;
    }
    b.append("<ul>\n");
    for (Row r : broken) {
      b.append("<li>")
          .append(Html.esc(r.group() + "/" + r.label()))
          .append("<ul class=\"details\">\n");
      for (String p : r.problems()) {
        b.append("<li>").append(Html.esc(p)).append("</li>\n");
      }
      b.append("</ul></li>\n");
    }
    b.append("</ul>\n");
  }

  /** Writes {@code index.html} into {@code dir} and returns its path. */
  public static Path write(Path dir, Input in) throws IOException {
    Path file = dir.resolve("index.html");
    Page.write(file, render(in));
    return file;
  }
}
