package dev.faultline.scenarios.lab;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts for notebooks, as images (a notebook shows a {@link BufferedImage} inline): bars, lines
 * and empirical CDFs, drawn with JFreeChart.
 */
public final class Charts {
  public static final int WIDTH = 720;
  public static final int HEIGHT = 400;

  private Charts() {}

  /** One bar per label. */
  public static BufferedImage bars(String title, String axis, Map<String, Double> values) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    values.forEach((label, v) -> data.addValue(v, axis, label));
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, null, axis, data, PlotOrientation.VERTICAL, false, false, false);
    return image(chart);
  }

  /** One line per series; each series is a list of (x, y) points. */
  public static BufferedImage lines(
      String title, String xAxis, String yAxis, Map<String, double[][]> series) {
    XYSeriesCollection data = new XYSeriesCollection();
    series.forEach(
        (name, points) -> {
          XYSeries s = new XYSeries(name, false, true);
          for (double[] p : points) {
            s.add(p[0], p[1]);
          }
          data.addSeries(s);
        });
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, xAxis, yAxis, data, PlotOrientation.VERTICAL, true, false, false);
    return image(chart);
  }

  /** The empirical CDF of each sample: the share of values at most x, as the Raft paper draws. */
  public static BufferedImage cdf(String title, String xAxis, Map<String, double[]> samples) {
    Map<String, double[][]> series = new java.util.LinkedHashMap<>();
    samples.forEach((name, values) -> series.put(name, cdfPoints(values)));
    return lines(title, xAxis, "cumulative share", series);
  }

  /**
   * The empirical CDF of each sample with the values on a logarithmic axis, as the Raft paper's
   * Figure 16 draws times without a leader: a step per sample, so ranges a hundredfold apart share
   * one chart. Values at or below zero have no place on a log axis and are left out.
   */
  public static BufferedImage cdfLog(String title, String xAxis, Map<String, double[]> samples) {
    return image(cdfLogChart(title, xAxis, samples));
  }

  /** The chart {@link #cdfLog} draws. */
  static JFreeChart cdfLogChart(String title, String xAxis, Map<String, double[]> samples) {
    XYSeriesCollection data = new XYSeriesCollection();
    double lowest = Double.MAX_VALUE;
    for (Map.Entry<String, double[]> e : samples.entrySet()) {
      double[] positive = Arrays.stream(e.getValue()).filter(v -> v > 0).toArray();
      XYSeries s = new XYSeries(e.getKey(), false, true);
      for (double[] p : cdfPoints(positive)) {
        s.add(p[0], p[1]);
        lowest = Math.min(lowest, p[0]);
      }
      data.addSeries(s);
    }
    LogAxis x = new LogAxis(xAxis + " (log scale)");
    // Without a sample any positive smallest value will do.
    x.setSmallestValue(lowest == Double.MAX_VALUE ? 1 : lowest / 2);
    // Ticks as plain numbers (126, not 10^2.1), as the paper labels its axis.
    x.setNumberFormatOverride(
        new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    NumberAxis y = new NumberAxis("cumulative share");
    y.setRange(0, 1.01);
    XYPlot plot = new XYPlot(data, x, y, new XYStepRenderer());
    return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
  }

  /** The points of an empirical CDF: (value, share of values at most it). */
  public static double[][] cdfPoints(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    double[][] points = new double[v.length][];
    for (int i = 0; i < v.length; i++) {
      points[i] = new double[] {v[i], (i + 1.0) / v.length};
    }
    return points;
  }

  private static BufferedImage image(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    return chart.createBufferedImage(WIDTH, HEIGHT);
  }
}
