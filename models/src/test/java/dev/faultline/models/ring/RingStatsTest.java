package dev.faultline.models.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The expected shape of consistent hashing, measured. Placements are fixed by the hash, so these
 * runs are deterministic; the tolerances say how far an honest 64-bit hash could land from theory
 * and are checked against the spread over placements, not tuned to today's numbers.
 */
class RingStatsTest {
  private static final int NODES = 10;
  private static final List<Integer> VNODES = List.of(1, 10, 100, 1000);
  private static RingStats.Report report;

  @BeforeAll
  static void measureOnce() {
    // 30 placements keep the run well under a second while the mean CV at v=1 (a single
    // placement's CV there has a standard deviation near 0.22) varies by about 0.04.
    report =
        RingStats.compute(
            new RingStats.Config(NODES, VNODES, 100_000, 30, OptionalDouble.of(0.25)));
  }

  @Test
  void coefficientOfVariationFallsAsOneOverTheSquareRootOfTheVnodeCount() {
    // Theory for n nodes: the mean CV sits a little under 1/sqrt(v) (by sqrt((n-1)/n), and at
    // v=1 by averaging a skewed spread: about 0.88), while 100,000 keys add sampling noise of about
    // 0.01 that matters only at v=1000 (giving about 0.031). Relative bands of 35% (v=1, 10) and
    // 40% (v=100, 1000) hold these with several standard deviations to spare, yet a hash that
    // clusters tokens lands far outside them: FNV-1a without its finalizer gives 0.87 at v=10 and
    // 0.38 at v=1000.
    double[] tolerance = {0.35, 0.35, 0.40, 0.40};
    for (int i = 0; i < VNODES.size(); i++) {
      double expected = 1 / Math.sqrt(VNODES.get(i));
      double cv = report.ring().get(i).cv();
      assertTrue(
          Math.abs(cv - expected) <= tolerance[i] * expected,
          "CV at v=" + VNODES.get(i) + " was " + cv + ", expected about " + expected);
      if (i > 0) {
        assertTrue(cv < report.ring().get(i - 1).cv(), "CV falls as v grows");
      }
    }
  }

  @Test
  void aJoinMovesAboutOneOverNPlusOneOfTheKeysAndALeaveAboutOneOverN() {
    // With 100 or more tokens per node, a node's share has a relative spread near 1/sqrt(v) and
    // averaging 30 placements shrinks it further: 0.05 absolute is many deviations wide.
    for (int i = 2; i < VNODES.size(); i++) {
      RingStats.Row row = report.ring().get(i);
      assertEquals(1.0 / (NODES + 1), row.joinMoved(), 0.05, "join at " + row.scheme());
      assertEquals(1.0 / NODES, row.leaveMoved(), 0.05, "leave at " + row.scheme());
    }
    // Even one token per node moves only the joiner's or leaver's share, far from mod-N.
    assertTrue(report.ring().get(0).joinMoved() < 0.2);
  }

  @Test
  void modNMovesAboutNOverNPlusOneOfTheKeysOnAJoin() {
    // A key stays only where h mod n equals h mod (n+1): one residue in n+1 (and in n for a leave);
    // with 100,000 keys the binomial spread is about 0.001.
    RingStats.Row modN = report.modN();
    assertEquals((double) NODES / (NODES + 1), modN.joinMoved(), 0.01);
    assertEquals((NODES - 1.0) / NODES, modN.leaveMoved(), 0.01);
    assertTrue(modN.cv() < 0.03, "mod-N spreads keys evenly");
  }

  @Test
  void boundedLoadsKeepMaxOverMeanAtOrBelowOnePlusEpsilon() {
    for (RingStats.Row row : report.ring()) {
      RingStats.Bounded bounded = row.bounded().orElseThrow();
      assertEquals(12_500, bounded.capacity());
      assertTrue(bounded.maxOverMean() <= 1.25 + 1e-9, row.scheme() + ": " + bounded);
    }
    assertTrue(report.ring().get(0).maxOverMean() > 1.25, "without bounds v=1 is skewed");
  }

  @Test
  void theSameConfigurationGivesTheSameFigures() {
    RingStats.Config small =
        new RingStats.Config(5, List.of(3, 30), 2_000, 4, OptionalDouble.of(0));
    assertEquals(RingStats.compute(small), RingStats.compute(small));
  }

  @Test
  void nodeNamesOfTrialZeroArePlainAndLaterTrialsAreSalted() {
    assertEquals("n3", RingStats.nodeName(3, 0));
    assertEquals("n3/7", RingStats.nodeName(3, 7));
  }

  @Test
  void configurationsThatCannotBeMeasuredAreRefused() {
    OptionalDouble none = OptionalDouble.empty();
    assertThrows(
        IllegalArgumentException.class, () -> new RingStats.Config(1, List.of(1), 10, 1, none));
    assertThrows(
        IllegalArgumentException.class, () -> new RingStats.Config(5, List.of(), 10, 1, none));
    assertThrows(
        IllegalArgumentException.class, () -> new RingStats.Config(5, List.of(0), 10, 1, none));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RingStats.Config(5, List.of(1), 10, 1, OptionalDouble.of(-1)));
  }
}
