package dev.faultline.reports;

import java.util.Map;

/**
 * The summary of a run's report: configuration, schedule, verdicts, metrics and the replay command.
 */
final class RunSummary {
  /** Detail lines of a verdict shown before the rest are folded away. */
  static final int SHOWN_DETAILS = 8;

  private RunSummary() {}

  static String render(RunReportInput in) {
    StringBuilder b = new StringBuilder("<h2>Summary</h2>\n<table id=\"summary\">\n");
    row(b, "scenario", in.scenario());
    row(b, "seed", Long.toString(in.seed()));
    row(b, "trace hash", in.traceHash());
    row(b, "simulated time", Html.seconds(in.simulatedMicros()));
    row(
        b,
        "operations",
        Long.toString(in.history().stream().filter(o -> o.type().name().equals("INVOKE")).count()));
    row(b, "trace events kept", Integer.toString(in.events().size()));
    b.append("</table>\n<h3>Replay</h3>\n<pre id=\"replay\"><code>")
        .append(Html.esc(in.replayCommand()))
        .append("</code></pre>\n<h3>Checks</h3>\n<table id=\"verdicts\">\n")
        .append("<tr><th>check</th><th>verdict</th><th>summary</th></tr>\n");
    for (CheckVerdict v : in.verdicts()) {
      b.append("<tr class=\"verdict\"><td>")
          .append(Html.esc(v.check()))
          .append("</td><td><span class=\"status status-")
          .append(Html.esc(v.status()))
          .append("\">")
          .append(Html.esc(v.status()))
          .append("</span></td><td>")
          .append(Html.esc(v.summary()));
      details(b, v.details());
      b.append("</td></tr>\n");
    }
    b.append("</table>\n<h3>Knobs</h3>\n");
    pairs(b, "knobs", in.knobs());
    b.append("<h3>Fault schedule</h3>\n");
    if (in.schedule().isEmpty()) {
      b.append("<p id=\"schedule\">No faults were scheduled.</p>\n");
    } else {
      b.append("<pre id=\"schedule\">").append(Html.esc(in.schedule().print())).append("</pre>\n");
    }
    if (!in.metrics().isEmpty()) {
      Map<String, String> metrics = new java.util.TreeMap<>();
      in.metrics().forEach((k, v) -> metrics.put(k, Html.figure(v)));
      b.append("<h3>Metrics</h3>\n");
      pairs(b, "metrics", metrics);
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String key, String value) {
    b.append("<tr><th>")
        .append(Html.esc(key))
        .append("</th><td>")
        .append(Html.esc(value))
        .append("</td></tr>\n");
  }

  /** Detail lines: the first few shown, the rest behind a disclosure so the page stays short. */
  private static void details(StringBuilder b, java.util.List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (i == 0) {
        b.append("<ul class=\"details\">");
      } else if (i == SHOWN_DETAILS) {
        b.append("</ul><details><summary>")
            .append(lines.size() - SHOWN_DETAILS)
            .append(" more lines</summary><ul class=\"details\">");
      }
      b.append("<li>").append(Html.esc(lines.get(i))).append("</li>");
    }
    if (!lines.isEmpty()) {
      b.append(lines.size() > SHOWN_DETAILS ? "</ul></details>" : "</ul>");
    }
  }

  private static void pairs(StringBuilder b, String id, Map<String, String> values) {
    b.append("<div class=\"pairs\" id=\"").append(id).append("\">\n");
    for (Map.Entry<String, String> e : values.entrySet()) {
      b.append("<div><span class=\"k\">")
          .append(Html.esc(e.getKey()))
          .append("</span> <span class=\"v\">")
          .append(Html.esc(e.getValue()))
          .append("</span></div>\n");
    }
    b.append("</div>\n");
  }
}
