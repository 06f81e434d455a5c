package dev.faultline.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The charts of a run's report, drawn with JFreeChart into inline SVG. */
final class RunCharts {
  static final int WIDTH = 960;

  /** Marks of one outcome drawn at most in the latency chart; SVG grows with every mark. */
  static final int MAX_POINTS = 1500;

  private RunCharts() {}

  /**
   * Latency of every operation against the time it was invoked, on a log scale, with fault windows
   * shaded; failed and indeterminate operations are drawn in their own colour and shape (Jepsen's
   * latency-raw).
   */
  static String latency(List<OpSpan> ops, List<FaultWindow> windows) {
    Map<String, XYSeries> series = new LinkedHashMap<>();
    for (String s : List.of("ok", "fail", "info")) {
      series.put(s, new XYSeries(s, false, true));
    }
    Map<String, Integer> strides = strides(ops);
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (OpSpan op : ops) {
      String s = outcome(op);
      if ((seen.merge(s, 1, Integer::sum) - 1) % strides.get(s) != 0) {
        continue;
      }
      series.get(s).add(op.startMicros() / 1e6, Math.max(0.001, op.latencyMicros() / 1000.0));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    series.values().forEach(data::addSeries);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    Shape[] shapes = {new Ellipse2D.Double(-2, -2, 4, 4), cross(4), triangle(4)};
    String[] colours = {"OK", "FAIL", "INFO"};
    for (int i = 0; i < 3; i++) {
      r.setSeriesShape(i, shapes[i]);
      r.setSeriesPaint(i, SvgChart.colour(colours[i]));
    }
    LogAxis y = new LogAxis("latency (ms)");
    y.setSmallestValue(0.001);
    y.setAutoTickUnitSelection(false);
    y.setTickUnit(new NumberTickUnit(1)); // one tick per power of ten
    y.setNumberFormatOverride(
        new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    XYPlot plot = new XYPlot(data, timeAxis(), y, r);
    shade(plot, windows, true);
    SvgChart.style(plot);
    JFreeChart chart = new JFreeChart("Operation latency", SvgChart.TITLE, plot, true);
    return SvgChart.svg(chart, "chart-latency", WIDTH, 340);
  }

  /**
   * For {@code ok}, {@code fail} and {@code info}: draw every n-th operation of that outcome, so
   * that at most {@link #MAX_POINTS} of each are drawn.
   */
  static Map<String, Integer> strides(List<OpSpan> ops) {
    Map<String, Integer> count = new LinkedHashMap<>();
    for (String s : List.of("ok", "fail", "info")) {
      count.put(s, 0);
    }
    ops.forEach(o -> count.merge(outcome(o), 1, Integer::sum));
    count.replaceAll((s, n) -> Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS));
    return count;
  }

  private static String outcome(OpSpan op) {
    return switch (op.outcome()) {
      case "OK" -> "ok";
      case "FAIL" -> "fail";
      default -> "info";
    };
  }

  /** Completed operations per second, and the share of completions that succeeded, per bucket. */
  static String rates(List<OpSpan> ops, List<FaultWindow> windows, long endMicros) {
    long bucket = bucketMicros(endMicros);
    int n = (int) (endMicros / bucket) + 1;
    int[] ok = new int[n];
    int[] done = new int[n];
    for (OpSpan op : ops) {
      if (op.outcome().equals("OPEN")) {
        continue;
      }
      int b = (int) Math.min(n - 1, op.endMicros() / bucket);
      done[b]++;
      if (op.outcome().equals("OK")) {
        ok[b]++;
      }
    }
    XYSeries throughput = new XYSeries("ok operations per second", false, true);
    XYSeries availability = new XYSeries("successful completions (%)", false, true);
    for (int b = 0; b < n; b++) {
      double x = b * bucket / 1e6;
      throughput.add(x, ok[b] * 1e6 / bucket);
      availability.add(x, done[b] == 0 ? null : 100.0 * ok[b] / done[b]);
    }
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(timeAxis());
    combined.add(stepPlot(throughput, "ops/s", SvgChart.colour("OK"), windows));
    NumberAxis pct = new NumberAxis("available %");
    pct.setRange(0, 105);
    XYPlot avail = stepPlot(availability, "available %", SvgChart.colour("leader"), windows);
    avail.setRangeAxis(pct);
    combined.add(avail);
    combined.setGap(8);
    SvgChart.style(combined);
    combined.getSubplots().forEach(SvgChart::style);
    JFreeChart chart =
        new JFreeChart("Throughput and availability", SvgChart.TITLE, combined, true);
    return SvgChart.svg(chart, "chart-rates", WIDTH, 380);
  }

  /** Each node's state over time: one row per node, one colour per role. */
  static String roles(
      List<NodeStates.Span> spans, List<Integer> nodes, RunReportInput in, List<FaultWindow> w) {
    Map<String, XYIntervalSeries> byState = new LinkedHashMap<>();
    for (String s : List.of("leader", "follower", "candidate", "down", "paused", "up")) {
      byState.put(s, new XYIntervalSeries(s));
    }
    List<String> names = new ArrayList<>();
    for (int id : nodes) {
      names.add(in.nodeName(id));
    }
    for (NodeStates.Span s : spans) {
      int row = nodes.indexOf(s.node());
      double x0 = s.startMicros() / 1e6;
      double x1 = s.endMicros() / 1e6;
      byState
          .computeIfAbsent(s.state(), XYIntervalSeries::new)
          .add(x0, x0, x1, row, row - 0.35, row + 0.35);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    XYBarRenderer r = new XYBarRenderer();
    r.setUseYInterval(true);
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    for (XYIntervalSeries s : byState.values()) {
      if (s.getItemCount() > 0) {
        r.setSeriesPaint(data.getSeriesCount(), SvgChart.colour(String.valueOf(s.getKey())));
        data.addSeries(s);
      }
    }
    SymbolAxis y = new SymbolAxis("node", names.toArray(new String[0]));
    y.setGridBandsVisible(false);
    XYPlot plot = new XYPlot(data, timeAxis(), y, r);
    shade(plot, w.stream().filter(x -> x.node() == null).toList(), false);
    SvgChart.style(plot);
    JFreeChart chart = new JFreeChart("Node roles", SvgChart.TITLE, plot, true);
    return SvgChart.svg(chart, "chart-roles", WIDTH, 110 + 28 * Math.max(1, nodes.size()));
  }

  private static XYPlot stepPlot(XYSeries s, String label, Color c, List<FaultWindow> windows) {
    XYStepRenderer r = new XYStepRenderer();
    r.setSeriesPaint(0, c);
    r.setSeriesStroke(0, new BasicStroke(1.5f));
    XYPlot p = new XYPlot(new XYSeriesCollection(s), null, new NumberAxis(label), r);
    shade(p, windows, false);
    return p;
  }

  private static NumberAxis timeAxis() {
    NumberAxis x = new NumberAxis("virtual time (s)");
    x.setAutoRangeIncludesZero(true);
    return x;
  }

  /** Fault windows as translucent bands behind the data; labelled when there are few. */
  private static void shade(XYPlot plot, List<FaultWindow> windows, boolean labels) {
    boolean label = labels && windows.size() <= 12;
    for (FaultWindow w : windows) {
      Color c = FaultColours.of(w.family());
      IntervalMarker m =
          new IntervalMarker(
              w.startMicros() / 1e6,
              Math.max(w.endMicros(), w.startMicros() + 1) / 1e6,
              new Color(c.getRed(), c.getGreen(), c.getBlue(), 48));
      m.setOutlinePaint(null);
      if (label) {
        m.setLabel(w.node() == null ? w.family() : w.family() + " " + w.node());
        m.setLabelFont(SvgChart.LABEL);
        m.setLabelPaint(c.darker());
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      }
      plot.addDomainMarker(m, Layer.BACKGROUND);
    }
  }

  /** A round bucket width giving at most about 80 buckets over the run. */
  static long bucketMicros(long endMicros) {
    long target = Math.max(1, endMicros / 80);
    long step = 1;
    while (true) {
      for (long m : new long[] {1, 2, 5}) {
        if (step * m >= target) {
          return step * m;
        }
      }
      step *= 10;
    }
  }

  private static Shape cross(double s) {
    Path2D p = new Path2D.Double();
    p.moveTo(-s, -s);
    p.lineTo(s, s);
    p.moveTo(-s, s);
    p.lineTo(s, -s);
    return new BasicStroke(1.5f).createStrokedShape(p);
  }

  private static Shape triangle(double s) {
    Path2D p = new Path2D.Double();
    p.moveTo(0, -s);
    p.lineTo(s, s);
    p.lineTo(-s, s);
    p.closePath();
    return p;
  }
}
