package dev.faultline.scenarios.cli.check;

import dev.faultline.checker.delivery.JepsenKafkaShape;
import dev.faultline.checker.format.HistoryFile;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.kafka.DeliveryJudge;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code faultline check --model delivery}: a send/poll history, in Jepsen's kafka shape or the
 * delivery checker's own, judged as {@code kafka-produce} judges its runs: the anomalies Jepsen's
 * vocabulary names, the delivery guarantee kept, and a verdict that fails on any anomaly class not
 * allowed. See docs/delivery.md.
 */
public final class DeliveryCheck {
  /** Anomaly lines printed without {@code --explain}. */
  private static final int SHORT_REPORT_LINES = 12;

  private DeliveryCheck() {}

  /** The result of one file: the verdict and the number of sends and polls read. */
  public record Outcome(Verdict.Status status, int operations) {}

  /**
   * Judges {@code h} and prints one line for it, then the report (all of it with {@code explain}).
   * {@code allowed} null means the classes the file's header names, or none.
   *
   * @throws dev.faultline.checker.history.HistoryException naming the file and line of malformed
   *     input
   */
  public static Outcome check(
      HistoryFile h, Set<String> allowed, boolean explain, PrintWriter out, long startNanos) {
    JepsenKafkaShape.Converted c = JepsenKafkaShape.fromFile(h);
    Set<String> allow = new TreeSet<>();
    if (allowed != null) {
      allow.addAll(allowed);
    } else if (h.header() != null) {
      allow.addAll(h.header().allow());
    }
    DeliveryJudge.Result r = DeliveryJudge.judge(c.ops(), c.finalReadIndex(), allow);
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    int operations = invocations(c.ops());
    Set<String> tolerated = new TreeSet<>(r.classes());
    tolerated.retainAll(allow);
    out.printf(
        "%s: %s %s%s ops=%d ms=%d%n",
        h.name(),
        r.verdict().status(),
        r.finalLog().guarantee().label(),
        r.classes().isEmpty()
            ? ""
            : " anomalies="
                + String.join(",", r.classes())
                + (tolerated.isEmpty() ? "" : " allowed=" + String.join(",", tolerated)),
        operations,
        ms);
    List<String> lines = r.verdict().details();
    int shown = explain ? lines.size() : Math.min(lines.size(), SHORT_REPORT_LINES);
    for (int i = 0; i < shown; i++) {
      out.println("  " + lines.get(i));
    }
    if (shown < lines.size()) {
      out.println("  ... " + (lines.size() - shown) + " more lines (--explain shows them)");
    }
    if (c.finalReadIndex() < 0) {
      out.println(
          "  note: no assign marked :seek-to-beginning? true, so the whole history is judged as"
              + " the final log");
    }
    return new Outcome(r.verdict().status(), operations);
  }

  private static int invocations(List<Op> ops) {
    int n = 0;
    for (Op op : ops) {
      n += op.type() == OpType.INVOKE && (op.f().equals("send") || op.f().equals("poll")) ? 1 : 0;
    }
    return n;
  }
}
