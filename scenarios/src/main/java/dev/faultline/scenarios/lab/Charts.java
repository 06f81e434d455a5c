package dev.faultline.scenarios.lab;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
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
