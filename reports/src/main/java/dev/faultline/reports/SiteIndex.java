package dev.faultline.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The index page of a site of reports, such as the one {@code faultline tour} writes. */
public final class SiteIndex {
  /**
   * One report the index links.
   *
   * @param name what it is, e.g. the scenario's name
   * @param status {@code PASS}, {@code FAIL} or {@code UNKNOWN}
   * @param summary one line
   * @param href the report's path relative to the index
   */
  public record Entry(String name, String status, String summary, String href) {}

  private SiteIndex() {}

  public static String render(String title, String intro, List<Entry> entries) {
    StringBuilder b = new StringBuilder("<h1>").append(Html.esc(title)).append("</h1>\n<p>");
    b.append(Html.esc(intro)).append("</p>\n<table id=\"reports\">\n");
    b.append("<tr><th>report</th><th>verdict</th><th>what it showed</th></tr>\n");
    for (Entry e : entries) {
      b.append("<tr class=\"entry\"><td><a href=\"")
          .append(Html.esc(e.href()))
          .append("\">")
          .append(Html.esc(e.name()))
          .append("</a></td><td><span class=\"status status-")
          .append(Html.esc(e.status()))
          .append("\">")
          .append(Html.esc(e.status()))
          .append("</span></td><td>")
          .append(Html.esc(e.summary()))
          .append("</td></tr>\n");
    }
    return Page.html(title, b.append("</table>\n").toString());
  }

  /** Writes {@code index.html} into {@code dir} and returns its path. */
  public static Path write(Path dir, String title, String intro, List<Entry> entries)
      throws IOException {
    Path file = dir.resolve("index.html");
    Page.write(file, render(title, intro, entries));
    return file;
  }
}
