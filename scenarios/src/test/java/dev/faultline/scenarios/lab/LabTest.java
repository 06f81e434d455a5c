package dev.faultline.scenarios.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.KnobException;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notebook API: what a lesson calls, and what it shows. */
class LabTest {
  @Test
  void aRunShowsItsVerdictsMetricsAndReplayLine() {
    RunView r = Lab.run("counter", 7, "duration-ms=2000", "liveness-ms=2000");
    assertEquals("PASS", r.status());
    assertTrue(r.verdicts().toString().contains("liveness"), r.toString());
    assertTrue(r.metric("events") > 0);
    assertTrue(r.replay().startsWith("./faultline run counter --seed 7"), r.replay());
    assertTrue(r.toString().contains("trace hash"), r.toString());
  }

  @Test
  void aComparisonPairsTheSameSeedsAndDrawsItsRates() {
    Comparison c =
        Lab.compare(
            "counter",
            1,
            6,
            Map.of("bug", List.of("none", "no-gossip-after-restart")),
            "duration-ms=2000",
            "liveness-ms=1000",
            "faults=crash");
    assertEquals(2, c.configurations().size());
    assertEquals(6, c.get("bug=none").seeds());
    assertEquals(0, c.get("bug=none").failed());
    assertTrue(c.get("bug=no-gossip-after-restart").failed() > 0, c.toString());
    assertEquals(6, c.pairs().get(0).paired(), "the same seeds meet the same schedules");
    assertTrue(c.paired().toString().contains("McNemar p"), c.toString());
    BufferedImage chart = c.chart();
    assertEquals(Charts.WIDTH, chart.getWidth());
  }

  @Test
  void aSweepGivesAnyMetricAcrossSeedsAndCdfsDrawThem() {
    SweepView s = Lab.sweep("counter", 1, 5, "duration-ms=1000", "liveness-ms=2000");
    assertEquals(5, s.metric("events").length);
    double[][] cdf = Charts.cdfPoints(new double[] {3, 1, 2});
    assertEquals(1.0, cdf[0][0]);
    assertEquals(1.0, cdf[2][1]);
    assertEquals(Charts.HEIGHT, Charts.cdf("t", "x", Map.of("a", s.metric("events"))).getHeight());
  }

  @Test
  void aCounterexampleNamesProcessesAsTheirClientsAreNamed() {
    SweepView s = Lab.sweep("raft-kv", 1, 10, "bug=stale-leader-read");
    RunView failing =
        new RunView(
            s.results().stream()
                .filter(r -> r.status().name().equals("FAIL"))
                .findFirst()
                .orElseThrow());
    String text = failing.details("linearizable");
    assertTrue(text.contains("no order places c"), text);
    assertTrue(!text.contains("process "), text);
  }

  @Test
  void anUnknownScenarioOrMalformedKnobIsOneSentence() {
    KnobException e = assertThrows(KnobException.class, () -> Lab.run("nope", 1));
    assertTrue(e.getMessage().startsWith("no scenario nope; the catalog has"), e.getMessage());
    assertThrows(KnobException.class, () -> Lab.run("counter", 1, "duration-ms"));
  }
}
