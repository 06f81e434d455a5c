package dev.faultline.reports;

import dev.faultline.checker.delivery.DeliveryReport;
import dev.faultline.checker.linear.CheckResult;
import dev.faultline.checker.linear.Counterexample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A run's report: one self-contained HTML page with the summary and replay command, the charts, the
 * timeline, a message diagram, counterexamples and delivery anomalies. It reads only its input, so
 * the same run gives the same bytes; every value from the input is escaped.
 */
public final class RunReport {
  private RunReport() {}

  /** The page for {@code in}. */
  public static String render(RunReportInput in) {
    List<OpSpan> ops = OpSpan.pair(in.history(), in.simulatedMicros());
    List<FaultWindow> windows = FaultWindow.of(in);
    List<NodeStates.Span> states = NodeStates.spans(in.events(), in.simulatedMicros());
    StringBuilder b = new StringBuilder();
    b.append("<h1>")
        .append(Html.esc(in.scenario()))
        .append(", seed ")
        .append(in.seed())
        .append(" <span id=\"verdict\" class=\"status status-")
        .append(Html.esc(in.status()))
        .append("\">")
        .append(Html.esc(in.status()))
        .append("</span></h1>\n");
    b.append(RunSummary.render(in));
    b.append("<h2>Charts</h2>\n");
    if (ops.isEmpty()) {
      b.append("<p class=\"note\">This run recorded no client operations: no latency chart.</p>\n");
    } else {
      figure(b, "fig-latency", RunCharts.latency(ops, windows));
      RunCharts.strides(ops)
          .forEach(
              (outcome, n) -> {
                if (n > 1) {
                  b.append("<p class=\"note\">One in ")
                      .append(n)
                      .append(" of the ")
                      .append(outcome)
                      .append(" operations is drawn.</p>\n");
                }
              });
      figure(b, "fig-rates", RunCharts.rates(ops, windows, in.simulatedMicros()));
    }
    List<Integer> stateful = NodeStates.nodesWithStates(in.events());
    if (!stateful.isEmpty()) {
      List<NodeStates.Span> rows =
          states.stream().filter(s -> stateful.contains(s.node())).toList();
      figure(b, "fig-roles", RunCharts.roles(rows, stateful, in, windows));
    } else if (!in.events().isEmpty()) {
      b.append(
          "<p class=\"note\">No node announced a role, crashed or paused: no role chart.</p>\n");
    } else {
      b.append(
          "<p class=\"note\">The run kept no trace events: no role chart or message diagram.</p>\n");
    }
    b.append(legend());
    b.append("<h2>Timeline of faults and operations</h2>\n");
    b.append(Timeline.render(in, ops, states, windows));
    if (!in.events().isEmpty()) {
      long[] w = MessageDiagram.window(in.events(), focus(in, windows), in.simulatedMicros());
      b.append("<h2>Messages</h2>\n");
      b.append(MessageDiagram.render(in, w[0], w[1]));
    }
    evidence(b, in);
    return Page.html(in.scenario() + " seed " + in.seed() + ": " + in.status(), b.toString());
  }

  /** Writes the page for {@code in} to {@code file}. */
  public static void write(Path file, RunReportInput in) throws IOException {
    Page.write(file, render(in));
  }

  private static void figure(StringBuilder b, String id, String svg) {
    b.append("<div class=\"figure\" id=\"")
        .append(id)
        .append("\">\n")
        .append(svg)
        .append("\n</div>\n");
  }

  private static String legend() {
    StringBuilder sb = new StringBuilder("<p class=\"legend\">Faults: ");
    for (String f : List.of("crash", "pause", "partition", "loss", "clog", "skew")) {
      sb.append("<span><i style=\"background:")
          .append(SvgChart.hex(FaultColours.of(f)))
          .append("\"></i>")
          .append(f)
          .append("</span>");
    }
    sb.append(" States and outcomes: ");
    for (String s :
        List.of("leader", "follower", "candidate", "down", "paused", "OK", "FAIL", "INFO")) {
      sb.append("<span><i style=\"background:")
          .append(SvgChart.hex(SvgChart.colour(s)))
          .append("\"></i>")
          .append(s.toLowerCase(java.util.Locale.ROOT))
          .append("</span>");
    }
    return sb.append("</p>\n").toString();
  }

  /** Where the message diagram looks: the operation that cannot be placed, else the first fault. */
  private static long focus(RunReportInput in, List<FaultWindow> windows) {
    for (CheckVerdict v : in.verdicts()) {
      Counterexample cx = counterexample(v.evidence());
      if (cx != null && cx.blocked().invoke().timeNanos() >= 0) {
        return cx.blocked().invoke().timeNanos() / 1000;
      }
    }
    return windows.isEmpty() ? -1 : windows.get(0).startMicros();
  }

  private static void evidence(StringBuilder b, RunReportInput in) {
    for (CheckVerdict v : in.verdicts()) {
      Counterexample cx = counterexample(v.evidence());
      if (cx != null) {
        b.append("<h2>Counterexample: ").append(Html.esc(v.check())).append("</h2>\n");
        b.append(CounterexampleView.render(cx, in::processName));
      } else if (v.evidence() instanceof DeliveryReport d) {
        b.append("<h2>Delivery: ").append(Html.esc(v.check())).append("</h2>\n");
        b.append(DeliveryTables.render(d));
      }
    }
  }

  private static Counterexample counterexample(Object evidence) {
    if (evidence instanceof Counterexample cx) {
      return cx;
    }
    if (evidence instanceof CheckResult r) {
      return r.counterexample();
    }
    return null;
  }
}
