package dev.faultline.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a JFreeChart as an inline SVG element. JFreeSVG names its clip paths and gradients with a
 * prefix taken from the clock unless told otherwise; here the prefix is the chart's id, so the same
 * chart gives the same bytes and two charts on one page never share an id.
 */
final class SvgChart {
  static final Color INK = new Color(0x22, 0x22, 0x22);
  static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private SvgChart() {}

  /** The chart as {@code <svg id="ID" ...>}, {@code width} by {@code height} pixels. */
  static String svg(JFreeChart chart, String id, int width, int height) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    if (chart.getTitle() != null) {
      chart.getTitle().setFont(TITLE);
    }
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(LABEL);
    }
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    g.setGeomDoubleConverter(Html::num);
    g.setTransformDoubleConverter(Html::num);
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    return g.getSVGElement(id);
  }

  /** Grey grid lines and small axis fonts on an XY plot. */
  static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlinePaint(GRID);
    plot.getDomainAxis().setLabelFont(LABEL);
    plot.getDomainAxis().setTickLabelFont(LABEL);
    for (int i = 0; i < plot.getRangeAxisCount(); i++) {
      if (plot.getRangeAxis(i) != null) {
        plot.getRangeAxis(i).setLabelFont(LABEL);
        plot.getRangeAxis(i).setTickLabelFont(LABEL);
      }
    }
  }

  /**
   * The colour of a node state or an operation outcome; unknown names take a stable palette slot.
   */
  static Color colour(String name) {
    return switch (name) {
      case "leader" -> new Color(0x2e, 0x7d, 0x32);
      case "follower" -> new Color(0x90, 0xca, 0xf9);
      case "candidate", "pre-candidate", "prevote" -> new Color(0xff, 0xb3, 0x00);
      case "down" -> new Color(0xc6, 0x28, 0x28);
      case "paused" -> new Color(0x8e, 0x24, 0xaa);
      case "up" -> new Color(0xcf, 0xd8, 0xdc);
      case "OK" -> new Color(0x15, 0x65, 0xc0);
      case "FAIL" -> new Color(0xc6, 0x28, 0x28);
      case "INFO", "OPEN" -> new Color(0xef, 0x6c, 0x00);
      default -> PALETTE[Math.floorMod(name.hashCode(), PALETTE.length)];
    };
  }

  /** {@code c} as {@code #rrggbb}. */
  /** The {@code i}-th colour of the palette, for series told apart by their order. */
  static Color paletteColour(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  static String hex(Color c) {
    return String.format(
        java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  private static final Color[] PALETTE = {
    new Color(0x00, 0x83, 0x8f),
    new Color(0x6d, 0x4c, 0x41),
    new Color(0x55, 0x8b, 0x2f),
    new Color(0x45, 0x5a, 0x64),
    new Color(0xad, 0x14, 0x57),
    new Color(0x28, 0x35, 0x93),
  };
}
