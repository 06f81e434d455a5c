package dev.faultline.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySpecTest {
  @Test
  void eachKindParsesToItsModelAndPrintsBackToTheSameText() {
    assertEquals(new LatencyModel.Fixed(5_000), LatencySpec.parse("fixed:5ms"));
    assertEquals(new LatencyModel.Uniform(5_000, 10_000), LatencySpec.parse("uniform:5..10ms"));
    assertEquals(new LatencyModel.Uniform(500, 1_000_000), LatencySpec.parse("uniform:500us..1s"));
    assertEquals(new LatencyModel.Exponential(0, 5_000), LatencySpec.parse("exponential:5ms"));
    assertEquals(
        new LatencyModel.Exponential(200, 800), LatencySpec.parse("exponential:0.2+0.8ms"));
    assertEquals(new LatencyModel.LogNormal(5_000, 0.5), LatencySpec.parse("lognormal:5ms:0.5"));
    for (String s :
        List.of(
            "fixed:5ms",
            "uniform:5ms..10ms",
            "exponential:5ms",
            "exponential:200us+800us",
            "lognormal:1.5ms:0.25",
            "fixed:2s")) {
      assertEquals(s, LatencySpec.print(LatencySpec.parse(s)));
    }
  }

  @Test
  void badSpecsAreRejectedWithOneSentenceNamingTheText() {
    for (String bad :
        List.of(
            "5ms",
            "fixed:5",
            "fixed:-1ms",
            "uniform:10..5ms",
            "uniform:5ms",
            "gamma:5ms",
            "lognormal:5ms",
            "lognormal:5ms:x",
            "fixed:0.0001ms",
            "fixed:2h")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> LatencySpec.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("latency '" + bad + "': "), e.getMessage());
      assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
  }
}
