package dev.faultline.reports;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report of a sweep or a comparison: per configuration, the rate of failing seeds and of each
 * check's failures with 95% confidence intervals (chart and table), availability, latency
 * percentiles, the distributions of the scenario's headline metrics as CDFs, and a link to the
 * report of each failing seed.
 */
public final class SweepReport {
  private SweepReport() {}

  /** Writes {@code index.html} into {@code dir} and returns its path. */
  public static Path write(Path dir, SweepReportInput in) throws IOException {
    Path file = dir.resolve("index.html");
    Page.write(file, render(in));
    return file;
  }

  public static String render(SweepReportInput in) {
    StringBuilder b = new StringBuilder("<h1>").append(Html.esc(in.title())).append("</h1>\n");
    b.append("<pre id=\"command\"><code>").append(Html.esc(in.command())).append("</code></pre>\n");
    List<String> checks = checks(in);
    b.append("<h2>Anomaly rates</h2>\n<div class=\"figure\" id=\"fig-rates\">\n")
        .append(chart(in, checks))
        .append("\n</div>\n");
    b.append(
        "<p class=\"note\">Rates are the share of seeds; intervals are 95% Wilson score"
            + " intervals.</p>\n<table id=\"rates\">\n<tr><th>configuration</th><th>seeds</th>"
            + "<th>passed</th><th>failed</th><th>unknown</th><th>any failure</th>");
    for (String c : checks) {
      b.append("<th>").append(Html.esc(c)).append(" failed</th>");
    }
    b.append("<th>availability</th><th>latency (ms)</th></tr>\n");
    for (SweepReportInput.Config r : in.rows()) {
      b.append("<tr class=\"config\"><th>").append(Html.esc(r.label())).append("</th>");
      b.append(num(r.seeds()))
          .append(num(r.passed()))
          .append(num(r.failed()))
          .append(num(r.unknown()));
      b.append(rate(r.failed(), r.seeds()));
      for (String c : checks) {
        b.append(rate(r.failuresByCheck().getOrDefault(c, 0), r.seeds()));
      }
      b.append("<td class=\"num\">")
          .append(Double.isNaN(r.availability()) ? "-" : Html.esc(pct(r.availability())))
          .append("</td><td>");
      List<String> ps = new ArrayList<>();
      for (Map.Entry<String, Double> e : r.latencyMillis().entrySet()) {
        ps.add(e.getKey() + " " + Html.figure(e.getValue()));
      }
      b.append(Html.esc(ps.isEmpty() ? "-" : String.join(", ", ps))).append("</td></tr>\n");
    }
    b.append("</table>\n");
    paired(b, in);
    DistributionCharts.render(b, in.distributions());
    configurations(b, in);
    return Page.html(in.title(), b.toString());
  }

  private static void paired(StringBuilder b, SweepReportInput in) {
    if (in.paired().isEmpty()) {
      return;
    }
    b.append("<h2>Paired, seed by seed, against ")
        .append(Html.esc(in.paired().get(0).baseline()))
        .append("</h2>\n<p class=\"note\">Each configuration ran the same seeds as the baseline;")
        .append(" where a seed met the same fault schedule in both, the two runs form a pair.")
        .append(" The difference is the failure rate minus the baseline's on the paired seeds,")
        .append(" with a paired 95% interval (Wald, Agresti-Min); the p-value is McNemar's exact")
        .append(" test on the discordant seeds.</p>\n<table id=\"paired\">\n<tr><th>configuration")
        .append("</th><th>paired seeds</th><th>only it failed</th><th>only baseline failed</th>")
        .append("<th>difference</th><th>95% CI</th><th>McNemar p</th><th>note</th></tr>\n");
    for (SweepReportInput.Paired p : in.paired()) {
      b.append("<tr class=\"pair\"><th>").append(Html.esc(p.label())).append("</th>");
      b.append(num(p.seeds())).append(num(p.onlyThisFailed())).append(num(p.onlyBaselineFailed()));
      boolean none = p.seeds() == 0;
      b.append("<td class=\"num\">").append(none ? "-" : Html.esc(signed(p.difference())));
      b.append("</td><td class=\"num\">")
          .append(none ? "-" : Html.esc("[" + signed(p.low()) + ", " + signed(p.high()) + "]"));
      b.append("</td><td class=\"num\">")
          .append(none ? "-" : Html.esc(String.format(Locale.ROOT, "%.4f", p.pValue())));
      b.append("</td><td>").append(Html.esc(p.note())).append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static String signed(double v) {
    return String.format(Locale.ROOT, "%+.1f%%", 100 * v);
  }

  private static void configurations(StringBuilder b, SweepReportInput in) {
    b.append("<h2>Configurations and failing seeds</h2>\n");
    for (SweepReportInput.Config r : in.rows()) {
      b.append("<h3>").append(Html.esc(r.label())).append("</h3>\n<p>");
      List<String> knobs = new ArrayList<>();
      r.knobs().forEach((k, v) -> knobs.add(k + "=" + v));
      b.append("knobs: <code>").append(Html.esc(String.join(" ", knobs))).append("</code></p>\n");
      if (r.failing().isEmpty()) {
        b.append("<p>No seed failed.</p>\n");
        continue;
      }
      b.append(
          "<table class=\"failing\">\n<tr><th>seed</th><th>verdict</th><th>report</th>"
              + "<th>replay</th></tr>\n");
      for (SweepReportInput.FailingSeed f : r.failing()) {
        b.append("<tr><td class=\"num\">")
            .append(f.seed())
            .append("</td><td>")
            .append(Html.esc(f.status()))
            .append("</td><td>");
        if (f.reportHref() == null) {
          b.append("-");
        } else {
          b.append("<a class=\"seed-report\" href=\"")
              .append(Html.esc(f.reportHref()))
              .append("\">report</a>");
        }
        b.append("</td><td><code>")
            .append(Html.esc(f.replayCommand()))
            .append("</code></td></tr>\n");
      }
      b.append("</table>\n");
    }
  }

  private static List<String> checks(SweepReportInput in) {
    TreeSet<String> all = new TreeSet<>();
    in.rows().forEach(r -> all.addAll(r.failuresByCheck().keySet()));
    return new ArrayList<>(all);
  }

  private static String chart(SweepReportInput in, List<String> checks) {
    List<String> series = new ArrayList<>();
    series.add("any failure");
    series.addAll(checks);
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    int n = in.rows().size();
    for (int s = 0; s < series.size(); s++) {
      YIntervalSeries ys = new YIntervalSeries(series.get(s));
      double offset = series.size() == 1 ? 0 : -0.25 + 0.5 * s / (series.size() - 1);
      for (int i = 0; i < n; i++) {
        SweepReportInput.Config r = in.rows().get(i);
        int k = s == 0 ? r.failed() : r.failuresByCheck().getOrDefault(series.get(s), 0);
        double[] w = Rates.wilson(k, r.seeds());
        ys.add(i + offset, 100 * w[0], 100 * w[1], 100 * w[2]);
      }
      data.addSeries(ys);
    }
    String[] labels = in.rows().stream().map(SweepReportInput.Config::label).toArray(String[]::new);
    SymbolAxis x = new SymbolAxis("configuration", labels);
    x.setGridBandsVisible(false);
    x.setRange(-0.6, Math.max(0.6, n - 0.4));
    NumberAxis y = new NumberAxis("seeds failing (%)");
    y.setRange(0, 102);
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDrawXError(false);
    r.setErrorStroke(new BasicStroke(1.5f));
    r.setCapLength(6);
    for (int s = 0; s < series.size(); s++) {
      r.setSeriesPaint(s, s == 0 ? SvgChart.colour("FAIL") : SvgChart.colour(series.get(s) + "#"));
    }
    XYPlot plot = new XYPlot(data, x, y, r);
    SvgChart.style(plot);
    JFreeChart chart =
        new JFreeChart("Failing seeds per configuration", SvgChart.TITLE, plot, true);
    return SvgChart.svg(chart, "chart-sweep", RunCharts.WIDTH, 380);
  }

  private static String num(int v) {
    return "<td class=\"num\">" + v + "</td>";
  }

  private static String rate(int k, int n) {
    double[] w = Rates.wilson(k, n);
    return "<td class=\"num\">"
        + Html.esc(pct(w[0]) + " [" + pct(w[1]) + ", " + pct(w[2]) + "]")
        + "</td>";
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
