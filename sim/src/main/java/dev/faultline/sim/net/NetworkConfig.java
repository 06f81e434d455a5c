package dev.faultline.sim.net;

/**
 * The network every link starts with. Faults change loss, duplication, jitter and clogging while a
 * simulation runs; {@link dev.faultline.sim.Simulation#setLinkLatency} overrides one link's delay.
 *
 * @param latency the delay of every link unless overridden
 * @param lossRate probability that a message is dropped
 * @param duplicateRate probability that a message is delivered twice
 * @param jitterMicros extra uniform delay in [0, jitter]; when positive, links stop being FIFO and
 *     messages reorder
 * @param fifo when true (and no jitter), each directed link delivers in send order, like TCP
 */
public record NetworkConfig(
    LatencyModel latency, double lossRate, double duplicateRate, long jitterMicros, boolean fifo) {

  public NetworkConfig {
    if (latency == null) {
      throw new IllegalArgumentException("a network needs a latency model");
    }
    requireProbability("loss rate", lossRate);
    requireProbability("duplicate rate", duplicateRate);
    if (jitterMicros < 0) {
      throw new IllegalArgumentException("jitter must not be negative");
    }
  }

  /** A LAN: 200 µs minimum plus an exponential tail of mean 800 µs, FIFO links, no loss. */
  public static NetworkConfig lan() {
    return new NetworkConfig(new LatencyModel.Exponential(200, 800), 0, 0, 0, true);
  }

  public NetworkConfig withLatency(LatencyModel l) {
    return new NetworkConfig(l, lossRate, duplicateRate, jitterMicros, fifo);
  }

  public NetworkConfig withLossRate(double p) {
    return new NetworkConfig(latency, p, duplicateRate, jitterMicros, fifo);
  }

  public NetworkConfig withDuplicateRate(double p) {
    return new NetworkConfig(latency, lossRate, p, jitterMicros, fifo);
  }

  public NetworkConfig withJitterMicros(long j) {
    return new NetworkConfig(latency, lossRate, duplicateRate, j, fifo);
  }

  public NetworkConfig withFifo(boolean f) {
    return new NetworkConfig(latency, lossRate, duplicateRate, jitterMicros, f);
  }

  static void requireProbability(String what, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " must be between 0 and 1, not " + p);
    }
  }
}
