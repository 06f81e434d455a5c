package dev.faultline.scenarios.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.cli.Faultline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareTest {
  @Test
  void theSameSeedSeesTheSameFaultScheduleUnderEveryConfiguration() {
    Scenario counter = ScenarioRegistry.find("counter").orElseThrow();
    for (long seed = 1; seed <= 20; seed++) {
      Knobs a = Knobs.resolve(counter, Map.of("sync-every", "1", "duration-ms", "3000"));
      Knobs b = Knobs.resolve(counter, Map.of("sync-every", "50", "duration-ms", "3000"));
      assertEquals(
          ScenarioRunner.run(counter, RunSpec.of(seed, a)).schedule(),
          ScenarioRunner.run(counter, RunSpec.of(seed, b)).schedule(),
          "seed " + seed);
    }
  }

  @Test
  void comparePrintsOneRowPerConfigurationWithRatesAndIntervals() {
    StringWriter out = new StringWriter();
    int code =
        Faultline.execute(
            new String[] {
              "compare",
              "counter",
              "--seeds",
              "1..8",
              "--workers",
              "2",
              "--set",
              "duration-ms=2000",
              "--vary",
              "liveness-ms=1,3000",
              "--vary",
              "sync-every=1,5"
            },
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertEquals(0, code, out.toString());
    String text = out.toString();
    assertTrue(text.contains("liveness-ms=1 sync-every=1"), text);
    assertTrue(text.contains("liveness-ms=3000 sync-every=5"), text);
    // A 1 ms liveness window fails every seed; 3 s fails none.
    assertTrue(
        text.lines()
            .anyMatch(l -> l.startsWith("liveness-ms=1 sync-every=5") && l.contains("100.0%")),
        text);
    assertTrue(
        text.lines()
            .anyMatch(l -> l.startsWith("liveness-ms=3000 sync-every=1") && l.contains(" 0.0%")),
        text);
    assertTrue(text.contains("95% CI"), text);
    assertTrue(
        text.contains("fault schedules: identical across configurations for every seed."), text);
    // Paired against the baseline (liveness-ms=1 sync-every=1, which fails all 8 seeds): the
    // 3-second windows pass all 8, so 8 discordant seeds, difference -100%, p = 2 / 2^8.
    assertTrue(text.contains("paired, seed by seed, against the first configuration"), text);
    assertTrue(
        text.lines()
            .anyMatch(
                l ->
                    l.startsWith("liveness-ms=3000 sync-every=1")
                        && l.contains("-100.0%")
                        && l.contains("0.0078")),
        text);
  }

  @Test
  void mcNemarsExactTestAndThePairedIntervalMatchHandComputedValues() {
    assertEquals(1.0, PairedDifference.mcNemar(0, 0));
    assertEquals(1.0, PairedDifference.mcNemar(5, 5));
    assertEquals(2 * 56 / 1024.0, PairedDifference.mcNemar(2, 8), 1e-12); // 1 + 10 + 45 of 2^10
    assertEquals(2 / 1024.0, PairedDifference.mcNemar(0, 10), 1e-12);
    PairedDifference d = PairedDifference.of("b", "a", 100, 2, 12, 0);
    assertEquals(0.10, d.difference(), 1e-12);
    assertTrue(d.low() > 0 && d.high() < 0.25 && d.low() < 0.10 && d.high() > 0.10, d.toString());
    PairedDifference none = PairedDifference.of("b", "a", 50, 0, 0, 0);
    assertTrue(none.low() < 0 && none.high() > 0, "no discordant seed: the interval spans 0");
    assertEquals(1.0, none.pValue());
  }

  @Test
  void pairingSaysWhenSchedulesDifferAndLeavesThoseSeedsOut() {
    StringWriter out = new StringWriter();
    int code =
        Faultline.execute(
            new String[] {
              "compare",
              "counter",
              "--seeds",
              "1..6",
              "--set",
              "duration-ms=2000",
              "--vary",
              "nodes=3,4"
            },
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertEquals(0, code, out.toString());
    String text = out.toString();
    assertTrue(
        text.contains("left out of the pairing") || text.contains("pairing does not apply"), text);
  }

  @Test
  void aMalformedVaryIsABadArgument() {
    StringWriter err = new StringWriter();
    int code =
        Faultline.execute(
            new String[] {"compare", "counter", "--seeds", "1..2", "--vary", "liveness-ms"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(2, code);
    assertTrue(err.toString().startsWith("error: --vary looks like"), err.toString());
  }
}
