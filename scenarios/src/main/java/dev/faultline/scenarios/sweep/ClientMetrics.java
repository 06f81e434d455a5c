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

  /** Records the latency of every successful operation of {@code history}, in microseconds. */
  public static void recordLatencies(java.util.List<Op> history, Histogram latency) {
    java.util.Map<Long, Long> started = new java.util.TreeMap<>();
    for (Op op : history) {
      if (op.type() == OpType.INVOKE) {
        started.put(op.process(), op.timeNanos());
      } else {
        Long s = started.remove(op.process());
        if (op.type() == OpType.OK && s != null && op.timeNanos() >= s) {
          latency.recordValue(Math.max(1, (op.timeNanos() - s) / 1_000));
        }
      }
    }
  }

  /** Pooled latency percentiles in milliseconds ({@code p50}, {@code p99}, {@code max}). */
  public static java.util.SortedMap<String, Double> percentilesMillis(Histogram latency) {
    java.util.SortedMap<String, Double> m = new TreeMap<>();
    if (latency.getTotalCount() > 0) {
      m.put("p50", latency.getValueAtPercentile(50) / 1000.0);
      m.put("p99", latency.getValueAtPercentile(99) / 1000.0);
      m.put("max", latency.getMaxValue() / 1000.0);
    }
    return m;
  }

  /** The metrics, named {@code client.*}; empty when the history is. */
  public static SortedMap<String, Double> of(java.util.List<Op> history) {
    SortedMap<String, Double> m = new TreeMap<>();
    if (history.isEmpty()) {
      return m;
    }
    java.util.Map<Long, Boolean> pending = new java.util.TreeMap<>();
    Histogram latency = new Histogram(3);
    recordLatencies(history, latency);
    long ok = 0;
    long failed = 0;
    long unknown = 0;
    for (Op op : history) {
      if (op.type() == OpType.INVOKE) {
        pending.put(op.process(), Boolean.TRUE);
        continue;
      }
      pending.remove(op.process());
      switch (op.type()) {
        case OK -> ok++;
        case FAIL -> failed++;
        default -> unknown++;
      }
    }
    unknown += pending.size();
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
