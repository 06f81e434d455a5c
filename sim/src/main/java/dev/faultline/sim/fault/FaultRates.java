package dev.faultline.sim.fault;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the generator draws: which fault families, how often, for how long and how hard.
 *
 * @param kinds the families that may occur
 * @param swarm when true, each seed switches every family on or off with probability 1/2 (swarm
 *     testing: a run with fewer kinds of fault explores each kind more deeply)
 * @param meanGapMicros mean time between the starts of two fault episodes
 * @param meanDurationMicros mean length of an episode (crash to restart, partition to heal, ...)
 * @param maxDown most nodes crashed or paused at once
 * @param maxSkewMicros largest clock offset a skew draws (either sign)
 * @param maxDriftPpm largest clock drift a skew draws (either sign)
 * @param lossRate message loss rate during a loss episode
 * @param duplicateRate duplication rate during a duplicate episode
 * @param jitterMicros maximum extra delay during a jitter episode
 * @param clogMicros extra delay of a clogged link
 */
public record FaultRates(
    Set<FaultKind> kinds,
    boolean swarm,
    long meanGapMicros,
    long meanDurationMicros,
    int maxDown,
    long maxSkewMicros,
    long maxDriftPpm,
    double lossRate,
    double duplicateRate,
    long jitterMicros,
    long clogMicros) {

  public FaultRates {
    kinds = kinds.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(kinds);
    if (meanGapMicros <= 0 || meanDurationMicros <= 0) {
      throw new IllegalArgumentException("fault gap and duration must be positive");
    }
    if (maxDown < 0 || maxSkewMicros < 0 || maxDriftPpm < 0 || jitterMicros < 0 || clogMicros < 0) {
      throw new IllegalArgumentException("fault limits must not be negative");
    }
    if (maxDriftPpm >= 1_000_000) {
      throw new IllegalArgumentException("drift must be below 1000000 ppm");
    }
  }

  /** Every family, an episode every 2 s on average lasting 1 s, at most one node down. */
  public static FaultRates defaults() {
    return new FaultRates(
        EnumSet.allOf(FaultKind.class),
        false,
        2_000_000,
        1_000_000,
        1,
        200_000,
        500,
        0.1,
        0.1,
        5_000,
        20_000);
  }

  /** No faults at all. */
  public static FaultRates none() {
    return defaults().withKinds(EnumSet.noneOf(FaultKind.class));
  }

  public FaultRates withKinds(Set<FaultKind> k) {
    return new FaultRates(
        k,
        swarm,
        meanGapMicros,
        meanDurationMicros,
        maxDown,
        maxSkewMicros,
        maxDriftPpm,
        lossRate,
        duplicateRate,
        jitterMicros,
        clogMicros);
  }

  public FaultRates withSwarm(boolean s) {
    return new FaultRates(
        kinds,
        s,
        meanGapMicros,
        meanDurationMicros,
        maxDown,
        maxSkewMicros,
        maxDriftPpm,
        lossRate,
        duplicateRate,
        jitterMicros,
        clogMicros);
  }
}
