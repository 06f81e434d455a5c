package dev.faultline.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A comparison's distributions: per metric, one cumulative distribution per configuration (the
 * share of samples at or below each value, as the Raft paper's Figure 16 draws downtimes), and a
 * table of median, 99th percentile, maximum and mean.
 */
final class DistributionCharts {
  private DistributionCharts() {}

  static void render(StringBuilder b, List<SweepReportInput.Distribution> all) {
    if (all.isEmpty()) {
      return;
    }
    Map<String, List<SweepReportInput.Distribution>> byMetric = new LinkedHashMap<>();
    for (SweepReportInput.Distribution d : all) {
      byMetric.computeIfAbsent(d.metric(), m -> new ArrayList<>()).add(d);
    }
    int index = 0;
    for (Map.Entry<String, List<SweepReportInput.Distribution>> e : byMetric.entrySet()) {
      index++;
      b.append("<h2>Distribution of ").append(Html.esc(e.getKey())).append("</h2>\n");
      b.append("<div class=\"figure\" id=\"fig-cdf-").append(index).append("\">\n");
      b.append(chart(e.getKey(), e.getValue(), "chart-cdf-" + index)).append("\n</div>\n");
      b.append(
          "<p class=\"note\">Cumulative share of samples at or below each value, every seed of"
              + " each configuration; percentiles by nearest rank.</p>\n");
      b.append("<table class=\"distribution\">\n<tr><th>configuration</th><th>samples</th>")
          .append("<th>median</th><th>p99</th><th>max</th><th>mean</th></tr>\n");
      for (SweepReportInput.Distribution d : e.getValue()) {
        double[] v = sorted(d);
        b.append("<tr><th>").append(Html.esc(d.label())).append("</th>");
        b.append("<td class=\"num\">").append(v.length).append("</td>");
        for (double x : new double[] {rank(v, 50), rank(v, 99), max(v), mean(v)}) {
          b.append("<td class=\"num\">")
              .append(Html.esc(v.length == 0 ? "-" : figure(x)))
              .append("</td>");
        }
        b.append("</tr>\n");
      }
      b.append("</table>\n");
    }
  }

  private static String chart(String metric, List<SweepReportInput.Distribution> ds, String id) {
    XYSeriesCollection data = new XYSeriesCollection();
    double lowest = Double.MAX_VALUE;
    for (SweepReportInput.Distribution d : ds) {
      double[] v = sorted(d);
      XYSeries s = new XYSeries(d.label(), true, true);
      for (int i = 0; i < v.length; i++) {
        s.addOrUpdate(v[i], 100.0 * (i + 1) / v.length);
        lowest = Math.min(lowest, v[i]);
      }
      data.addSeries(s);
    }
    ValueAxis x;
    if (lowest > 0 && lowest < Double.MAX_VALUE) {
      LogAxis log = new LogAxis(metric + " (log scale)");
      log.setSmallestValue(lowest / 2);
      x = log;
    } else {
      x = new NumberAxis(metric);
    }
    NumberAxis y = new NumberAxis("cumulative share of samples (%)");
    y.setRange(0, 101);
    XYStepRenderer r = new XYStepRenderer();
    for (int i = 0; i < ds.size(); i++) {
      r.setSeriesPaint(i, SvgChart.paletteColour(i));
    }
    XYPlot plot = new XYPlot(data, x, y, r);
    SvgChart.style(plot);
    JFreeChart chart = new JFreeChart("Cumulative distribution", SvgChart.TITLE, plot, true);
    return SvgChart.svg(chart, id, RunCharts.WIDTH, 380);
  }

  static double[] sorted(SweepReportInput.Distribution d) {
    return d.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  /** The nearest-rank percentile {@code p} of sorted {@code v} (NaN when empty). */
  static double rank(double[] v, double p) {
    if (v.length == 0) {
      return Double.NaN;
    }
    int k = (int) Math.ceil(p / 100.0 * v.length);
    return v[Math.max(0, Math.min(v.length - 1, k - 1))];
  }

  private static double max(double[] v) {
    return v.length == 0 ? Double.NaN : v[v.length - 1];
  }

  private static double mean(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return v.length == 0 ? Double.NaN : sum / v.length;
  }

  private static String figure(double x) {
    return String.format(Locale.ROOT, "%.1f", x);
  }
}
