package dev.faultline.reports;

import dev.faultline.checker.delivery.DeliveryAnomaly;
import dev.faultline.checker.delivery.DeliveryReport;
import dev.faultline.checker.delivery.OpRef;
import java.util.List;
import java.util.stream.Collectors;

/** A delivery report as tables: the guarantee and counts, then one table per anomaly kind. */
final class DeliveryTables {
  /** Rows shown per kind; the rest are counted. */
  static final int MAX_ROWS = 200;

  private DeliveryTables() {}

  static String render(DeliveryReport report) {
    StringBuilder sb =
        new StringBuilder("<div class=\"delivery\">\n<p>Guarantee kept: <b class=\"guarantee\">");
    sb.append(Html.esc(report.guarantee().label())).append("</b></p>\n<ul>\n");
    for (String line : report.describe().subList(1, Math.min(3, report.describe().size()))) {
      sb.append("<li>").append(Html.esc(line)).append("</li>\n");
    }
    sb.append("</ul>\n");
    if (report.clean()) {
      sb.append("<p>No anomalies.</p>\n");
    }
    for (DeliveryAnomaly.Kind kind : DeliveryAnomaly.Kind.values()) {
      List<DeliveryAnomaly> rows = report.anomalies(kind);
      if (rows.isEmpty()) {
        continue;
      }
      sb.append("<h4>")
          .append(Html.esc(kind.label()))
          .append(" (")
          .append(rows.size())
          .append(")</h4>\n");
      sb.append("<table class=\"anomalies\" data-kind=\"")
          .append(Html.esc(kind.label()))
          .append(
              "\">\n<tr><th>partition</th><th>records (values)</th><th>offsets</th>"
                  + "<th>operations</th><th>what happened</th></tr>\n");
      for (DeliveryAnomaly a : rows.subList(0, Math.min(MAX_ROWS, rows.size()))) {
        sb.append("<tr><td>")
            .append(Html.esc(a.partition()))
            .append("</td><td>")
            .append(Html.esc(join(a.values())))
            .append("</td><td>")
            .append(Html.esc(join(a.offsets())))
            .append("</td><td>")
            .append(
                Html.esc(a.ops().stream().map(OpRef::toString).collect(Collectors.joining("; "))))
            .append("</td><td>")
            .append(Html.esc(a.description()))
            .append("</td></tr>\n");
      }
      sb.append("</table>\n");
      if (rows.size() > MAX_ROWS) {
        sb.append("<p class=\"note\">and ").append(rows.size() - MAX_ROWS).append(" more.</p>\n");
      }
    }
    return sb.append("</div>\n").toString();
  }

  private static String join(List<?> xs) {
    return xs.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
