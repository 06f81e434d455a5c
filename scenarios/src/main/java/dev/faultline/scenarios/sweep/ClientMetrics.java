package dev.faultline.scenarios.sweep;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Figures any client history gives: how many operations completed, failed or stayed unknown,
 * availability (the share that succeeded) and latency percentiles of the successful ones.
 */
public final class ClientMetrics {
  private ClientMetrics() {}

  /** The metrics, named {@code client.*}; empty when the history is. */
  public static SortedMap<String, Double> of(java.util.List<Op> history) {
    SortedMap<String, Double> m = new TreeMap<>();
    if (history.isEmpty()) {
      return m;
    }
    java.util.Map<Long, Long> pendingSince = new java.util.TreeMap<>();
    Histogram latency = new Histogram(3);
    long ok = 0;
    long failed = 0;
    long unknown = 0;
    for (Op op : history) {
      if (op.type() == OpType.INVOKE) {
        pendingSince.put(op.process(), op.timeNanos());
        continue;
      }
      Long start = pendingSince.remove(op.process());
      switch (op.type()) {
        case OK -> {
          ok++;
          if (start != null && op.timeNanos() >= start) {
            latency.recordValue(Math.max(1, (op.timeNanos() - start) / 1_000));
          }
        }
        case FAIL -> failed++;
        default -> unknown++;
      }
    }
    unknown += pendingSince.size();
    long all = ok + failed + unknown;
    m.put("client.ops", (double) all);
    m.put("client.ok", (double) ok);
    m.put("client.failed", (double) failed);
    m.put("client.unknown", (double) unknown);
    m.put("client.availability", all == 0 ? 1.0 : (double) ok / all);
    if (latency.getTotalCount() > 0) {
      m.put("client.latency.p50.ms", latency.getValueAtPercentile(50) / 1000.0);
      m.put("client.latency.p99.ms", latency.getValueAtPercentile(99) / 1000.0);
      m.put("client.latency.max.ms", latency.getMaxValue() / 1000.0);
    }
    return m;
  }
}
