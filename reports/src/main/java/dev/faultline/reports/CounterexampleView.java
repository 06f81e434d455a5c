package dev.faultline.reports;

import dev.faultline.checker.linear.Counterexample;
import dev.faultline.checker.linear.Models;
import dev.faultline.checker.linear.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * A linearizability counterexample drawn: one lane per process, the end of the longest linearizable
 * prefix numbered in the order it linearizes, the operation that cannot be placed in red, and the
 * states the object could be in there.
 */
final class CounterexampleView {
  /** How many of the prefix's last operations are drawn. */
  static final int TAIL = 12;

  private static final double LANE = 30;

  private CounterexampleView() {}

  static String render(Counterexample cx) {
    return render(cx, p -> "process " + p);
  }

  /** The counterexample with each process's lane named by {@code names}. */
  static String render(Counterexample cx, LongFunction<String> names) {
    List<Operation> prefix = cx.prefix();
    int from = Math.max(0, prefix.size() - TAIL);
    List<Operation> shown = new ArrayList<>(prefix.subList(from, prefix.size()));
    boolean byIndex =
        shown.stream().anyMatch(o -> o.invoke().timeNanos() < 0)
            || cx.blocked().invoke().timeNanos() < 0;
    StringBuilder sb = new StringBuilder();
    sb.append("<div class=\"counterexample\">\n<p class=\"cx-what\">");
    if (cx.key() != null) {
      sb.append("Key <code>").append(Html.esc(Models.show(cx.key()))).append("</code>: ");
    }
    sb.append("no order places <code class=\"cx-blocked-op\">")
        .append(Html.esc(cx.blocked().describe()))
        .append("</code> after the longest linearizable prefix of ")
        .append(prefix.size())
        .append(" operations")
        .append(from > 0 ? " (the last " + shown.size() + " are drawn)" : "")
        .append(".</p>\n<p>Candidate states there:</p>\n<ul class=\"cx-states\">\n");
    for (String s : cx.candidateStates()) {
      sb.append("<li><code>").append(Html.esc(s)).append("</code></li>\n");
    }
    sb.append("</ul>\n");
    if (byIndex) {
      sb.append(
          "<p class=\"note\">The history has no times: positions in it stand for time.</p>\n");
    }
    sb.append(figure(cx.blocked(), shown, from, byIndex, names));
    sb.append("<details><summary>The prefix in linearization order</summary><ol start=\"")
        .append(from + 1)
        .append("\">\n");
    for (Operation o : shown) {
      sb.append("<li>").append(Html.esc(o.describe())).append("</li>\n");
    }
    sb.append("</ol></details>\n</div>\n");
    return sb.toString();
  }

  /** One lane per process: the prefix's operations numbered, the blocked one last. */
  private static String figure(
      Operation blocked,
      List<Operation> shown,
      int from,
      boolean byIndex,
      LongFunction<String> names) {
    List<Operation> all = new ArrayList<>(shown);
    all.add(blocked);
    Map<Long, Integer> lanes = new TreeMap<>();
    all.forEach(o -> lanes.put(o.process(), 0));
    int i = 0;
    for (Map.Entry<Long, Integer> e : lanes.entrySet()) {
      e.setValue(i++);
    }
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (Operation o : all) {
      lo = Math.min(lo, start(o, byIndex));
      hi = Math.max(hi, Math.max(end(o, byIndex), start(o, byIndex) + 1));
    }
    long pad = Math.max(1, (hi - lo) / 20);
    Zoomable z = new Zoomable("counterexample", lo - pad, hi + 3 * pad);
    for (Map.Entry<Long, Integer> e : lanes.entrySet()) {
      z.lane(names.apply(e.getKey()), e.getValue() * LANE + 2, LANE);
    }
    for (int k = 0; k < shown.size(); k++) {
      Operation o = shown.get(k);
      draw(z, o, lanes.get(o.process()), "#" + (from + k + 1) + " ", "cx-op", byIndex, hi + pad);
    }
    int lane = lanes.get(blocked.process());
    draw(z, blocked, lane, "cannot place: ", "cx-blocked", byIndex, hi + pad);
    return z.render(lanes.size() * LANE + 4);
  }

  private static void draw(
      Zoomable z, Operation o, int lane, String prefix, String cls, boolean byIndex, long openEnd) {
    long a = start(o, byIndex);
    long b = o.completion() == null ? openEnd : Math.max(a + 1, end(o, byIndex));
    String label = prefix + o.f() + (o.value() == null ? "" : " " + Models.show(o.value()));
    z.bar(a, b, lane * LANE + 6, LANE - 10, null, cls, o.describe());
    z.text(a, lane * LANE + LANE / 2 + 6, "cx-label", label);
  }

  private static long start(Operation o, boolean byIndex) {
    return byIndex ? o.invokeIndex() : o.invoke().timeNanos() / 1000;
  }

  private static long end(Operation o, boolean byIndex) {
    if (o.completion() == null) {
      return start(o, byIndex) + 1;
    }
    return byIndex ? o.completionIndex() : o.completion().timeNanos() / 1000;
  }
}
