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
  void aComparisonPoolsADistributionMetricAndDrawsItsCdfOnALogScale() {
    Comparison c =
        Lab.compare(
            "raft-election",
            1,
            3,
            Map.of("election-timeout-ms", List.of("150..155", "150..300")),
            "crashes=2");
    SweepView wide = c.get("election-timeout-ms=150..300");
    assertEquals(6, wide.distribution("downtime.ms").count(), "two crashes a seed, both pooled");
    assertEquals(3, wide.metric("downtime.ms").length, "the plain metric is the first crash only");
    Table t = c.distribution("downtime.ms");
    assertEquals(
        List.of("election-timeout-ms=150..155", "election-timeout-ms=150..300"),
        t.rows().stream().map(r -> r.get(0)).toList());
    assertEquals("6", t.cell(1, "samples"), t.toString());
    double median = Double.parseDouble(t.cell(1, "median"));
    assertTrue(median > 150 && median < 10_000, t.toString());
    assertEquals(Charts.WIDTH, c.cdf("downtime.ms").getWidth());
  }

  @Test
  void aLogScaleCdfLeavesOutWhatALogAxisCannotShow() {
    var chart = Charts.cdfLogChart("t", "ms", Map.of("a", new double[] {0, 10, 100, 1000}));
    assertTrue(chart.getXYPlot().getDomainAxis() instanceof org.jfree.chart.axis.LogAxis);
    assertEquals(3, chart.getXYPlot().getDataset().getItemCount(0), "zero is left out");
    assertEquals(1.0, chart.getXYPlot().getDataset().getYValue(0, 2));
    assertEquals(
        Charts.HEIGHT, Charts.cdfLog("t", "ms", Map.of("none", new double[0])).getHeight());
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
