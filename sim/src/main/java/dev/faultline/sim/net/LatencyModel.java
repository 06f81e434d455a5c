package dev.faultline.sim.net;

import dev.faultline.sim.RandomStream;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;

/**
 * How long a message takes on a link, in microseconds. A model is configuration; {@link #bind}
 * makes a sampler that draws only from the given stream.
 */
public sealed interface LatencyModel {
  /** A sampler of delays, drawing from the stream it was bound to. */
  interface Sampler {
    long sampleMicros();
  }

  Sampler bind(RandomStream random);

  /** Always {@code micros}. */
  record Fixed(long micros) implements LatencyModel {
    public Fixed {
      requireNonNegative("latency", micros);
    }

    @Override
    public Sampler bind(RandomStream random) {
      return () -> micros;
    }
  }

  /** Uniform in [minMicros, maxMicros]. */
  record Uniform(long minMicros, long maxMicros) implements LatencyModel {
    public Uniform {
      requireNonNegative("minimum latency", minMicros);
      if (maxMicros < minMicros) {
        throw new IllegalArgumentException("maximum latency is below the minimum");
      }
    }

    @Override
    public Sampler bind(RandomStream random) {
      return () -> random.nextLong(minMicros, maxMicros);
    }
  }

  /** {@code minMicros} plus an exponential tail with mean {@code meanExtraMicros}. */
  record Exponential(long minMicros, long meanExtraMicros) implements LatencyModel {
    public Exponential {
      requireNonNegative("minimum latency", minMicros);
      if (meanExtraMicros <= 0) {
        throw new IllegalArgumentException("mean extra latency must be positive");
      }
    }

    @Override
    public Sampler bind(RandomStream random) {
      ExponentialDistribution d =
          new ExponentialDistribution(
              random, meanExtraMicros, ExponentialDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
      return () -> minMicros + (long) d.sample();
    }
  }

  /** Log-normal with the given median and shape: a heavy tail, as real networks have. */
  record LogNormal(long medianMicros, double sigma) implements LatencyModel {
    public LogNormal {
      if (medianMicros <= 0 || sigma <= 0) {
        throw new IllegalArgumentException("median and sigma must be positive");
      }
    }

    @Override
    public Sampler bind(RandomStream random) {
      LogNormalDistribution d =
          new LogNormalDistribution(
              random,
              StrictMath.log(medianMicros),
              sigma,
              LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
      return () -> (long) d.sample();
    }
  }

  private static void requireNonNegative(String what, long micros) {
    if (micros < 0) {
      throw new IllegalArgumentException(what + " must not be negative");
    }
  }
}
