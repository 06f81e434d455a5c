package dev.faultline.sim;

/**
 * A safety property checked after every event of a simulation (one leader per epoch, a high
 * watermark that never goes back, ...). It may read nodes through {@link Simulation#node}; it must
 * not change them.
 */
public interface Invariant {
  /** A short name, e.g. {@code SingleLeaderPerEpoch}. */
  String name();

  /** Null when the property holds; otherwise what is wrong, in one sentence. */
  String check(Simulation sim);
}
