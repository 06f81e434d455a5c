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
