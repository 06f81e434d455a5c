package dev.faultline.sim;

/**
 * A node's clock: true time plus an offset, running fast or slow by a drift. All arithmetic is on
 * integers, so every JVM reads the same value.
 */
final class NodeClock {
  private long anchorReal;
  private long anchorLocal;
  private long driftPpm;

  /** From {@code nowReal} on, read {@code nowReal + offset} and drift by {@code ppm}. */
  void skew(long nowReal, long offsetMicros, long ppm) {
    anchorReal = nowReal;
    anchorLocal = nowReal + offsetMicros;
    driftPpm = ppm;
  }

  long local(long real) {
    long elapsed = real - anchorReal;
    if (driftPpm == 0) {
      return anchorLocal + elapsed;
    }
    return anchorLocal + elapsed + Math.floorDiv(elapsed * driftPpm, 1_000_000L);
  }

  /** How much true time passes while this clock advances {@code localMicros}. */
  long realDelay(long localMicros) {
    if (driftPpm == 0) {
      return localMicros;
    }
    // local = real * (1e6 + ppm) / 1e6, so real = ceil(local * 1e6 / (1e6 + ppm)).
    long denominator = 1_000_000L + driftPpm;
    return Math.max(0, -Math.floorDiv(-localMicros * 1_000_000L, denominator));
  }
}
