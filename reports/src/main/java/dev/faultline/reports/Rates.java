package dev.faultline.reports;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Proportions with Wilson score intervals: sound for small counts and for rates of 0 or 1. */
final class Rates {
  /** The two-sided 95% normal quantile. */
  static final double Z = new NormalDistribution().inverseCumulativeProbability(0.975);

  private Rates() {}

  /** {@code [rate, low, high]} for {@code k} successes of {@code n}; zeros when n is 0. */
  static double[] wilson(int k, int n) {
    if (n <= 0) {
      return new double[] {0, 0, 0};
    }
    double p = (double) k / n;
    double z2 = Z * Z;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denom;
    double half = Z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new double[] {p, Math.max(0, centre - half), Math.min(1, centre + half)};
  }
}
