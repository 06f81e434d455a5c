package dev.faultline.reports;

/**
 * A figure over virtual time that the page's script can zoom: an SVG whose time-bound elements
 * carry {@code data-a} (start) and {@code data-b} (end) in microseconds. The script maps them to x
 * for the window shown, draws the time axis, and offers from/to fields, zoom buttons and dragging
 * across the figure to choose a window. Without the script the figure shows the whole window.
 */
final class Zoomable {
  static final int WIDTH = 960;
  static final int LEFT = 110;
  static final int RIGHT = 12;
  static final int AXIS = 22;

  private final String id;
  private final long fromMicros;
  private final long toMicros;
  private long viewFrom;
  private long viewTo;
  private String extra = "";
  private final StringBuilder body = new StringBuilder();
  private final StringBuilder fixed = new StringBuilder();

  Zoomable(String id, long fromMicros, long toMicros) {
    this.id = id;
    this.fromMicros = fromMicros;
    this.toMicros = Math.max(fromMicros + 1, toMicros);
    this.viewFrom = this.fromMicros;
    this.viewTo = this.toMicros;
  }

  /** The x of {@code micros} in the initial window. */
  double x(long micros) {
    return LEFT + (WIDTH - LEFT - RIGHT) * (double) (micros - viewFrom) / (viewTo - viewFrom);
  }

  /** Shows {@code [from, to]} of the whole window first; call before drawing anything. */
  Zoomable view(long from, long to) {
    viewFrom = Math.max(fromMicros, from);
    viewTo = Math.max(viewFrom + 1, Math.min(toMicros, to));
    return this;
  }

  /** Markup placed inside the figure, after the SVG (data for the page's script). */
  Zoomable extra(String markup) {
    extra = markup;
    return this;
  }

  /** A bar from {@code a} to {@code b}; {@code title} is escaped here. */
  Zoomable bar(long a, long b, double y, double h, String fill, String cls, String title) {
    double x0 = x(a);
    body.append("<rect class=\"")
        .append(cls)
        .append("\" data-a=\"")
        .append(a)
        .append("\" data-b=\"")
        .append(b)
        .append("\" x=\"")
        .append(Html.num(x0))
        .append("\" y=\"")
        .append(Html.num(y))
        .append("\" width=\"")
        .append(Html.num(Math.max(1, x(b) - x0)))
        .append("\" height=\"")
        .append(Html.num(h))
        .append(fill == null ? "" : "\" fill=\"" + fill)
        .append("\"><title>")
        .append(Html.esc(title))
        .append("</title></rect>\n");
    return this;
  }

  /** A line from ({@code a}, {@code y1}) to ({@code b}, {@code y2}). */
  Zoomable line(long a, long b, double y1, double y2, String cls, String title) {
    body.append("<line class=\"")
        .append(cls)
        .append("\" data-a=\"")
        .append(a)
        .append("\" data-b=\"")
        .append(b)
        .append("\" x1=\"")
        .append(Html.num(x(a)))
        .append("\" y1=\"")
        .append(Html.num(y1))
        .append("\" x2=\"")
        .append(Html.num(x(b)))
        .append("\" y2=\"")
        .append(Html.num(y2))
        .append("\"><title>")
        .append(Html.esc(title))
        .append("</title></line>\n");
    return this;
  }

  /** A label that starts at {@code a}; {@code text} is escaped here. */
  Zoomable text(long a, double y, String cls, String text) {
    body.append("<text class=\"")
        .append(cls)
        .append("\" data-a=\"")
        .append(a)
        .append("\" x=\"")
        .append(Html.num(x(a) + 3))
        .append("\" y=\"")
        .append(Html.num(y))
        .append("\">")
        .append(Html.esc(text))
        .append("</text>\n");
    return this;
  }

  /** A lane: its name on the left and a faint rule across. */
  Zoomable lane(String name, double y, double h) {
    fixed
        .append("<text class=\"lane\" x=\"4\" y=\"")
        .append(Html.num(y + h / 2 + 4))
        .append("\">")
        .append(Html.esc(name))
        .append("</text><line class=\"rule\" x1=\"")
        .append(LEFT)
        .append("\" x2=\"")
        .append(WIDTH - RIGHT)
        .append("\" y1=\"")
        .append(Html.num(y + h / 2))
        .append("\" y2=\"")
        .append(Html.num(y + h / 2))
        .append("\"/>\n");
    return this;
  }

  /** Raw markup the caller built from escaped values. */
  Zoomable raw(String markup) {
    body.append(markup);
    return this;
  }

  /** The figure: controls, then the SVG {@code height} pixels high. */
  String render(double height) {
    double h = height + AXIS;
    String clip = id + "-clip";
    return "<div class=\"zoomable\" id=\""
        + id
        + "\" data-from=\""
        + fromMicros
        + "\" data-to=\""
        + toMicros
        + "\" data-view-from=\""
        + viewFrom
        + "\" data-view-to=\""
        + viewTo
        + "\" data-left=\""
        + LEFT
        + "\" data-right=\""
        + (WIDTH - RIGHT)
        + "\">\n<div class=\"zoom-controls\">window from <input class=\"zoom-from\" size=\"9\""
        + " value=\""
        + Html.esc(secs(viewFrom))
        + "\"> to <input class=\"zoom-to\" size=\"9\" value=\""
        + Html.esc(secs(viewTo))
        + "\"> s <button type=\"button\" class=\"zoom-apply\">show</button>"
        + " <button type=\"button\" class=\"zoom-in\">zoom in</button>"
        + " <button type=\"button\" class=\"zoom-out\">zoom out</button>"
        + " <button type=\"button\" class=\"zoom-reset\">whole window</button>"
        + " <span class=\"zoom-shown\"></span> <span class=\"hint\">(or drag across the figure)"
        + "</span></div>\n<svg class=\"zoom-svg\" xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + WIDTH
        + "\" height=\""
        + Html.num(h)
        + "\" viewBox=\"0 0 "
        + WIDTH
        + " "
        + Html.num(h)
        + "\">\n<defs><clipPath id=\""
        + clip
        + "\"><rect x=\""
        + LEFT
        + "\" y=\"0\" width=\""
        + (WIDTH - LEFT - RIGHT)
        + "\" height=\""
        + Html.num(h)
        + "\"/></clipPath></defs>\n"
        + fixed
        + "<g class=\"zoom-data\" clip-path=\"url(#"
        + clip
        + ")\">\n"
        + body
        + "</g>\n<g class=\"zoom-axis\" transform=\"translate(0,"
        + Html.num(height)
        + ")\"></g>\n<rect class=\"zoom-brush\" x=\"0\" y=\"0\" width=\"0\" height=\""
        + Html.num(height)
        + "\"/>\n</svg>\n"
        + extra
        + "</div>\n";
  }

  static String secs(long micros) {
    return String.format(java.util.Locale.ROOT, "%.6f", micros / 1e6);
  }
}
