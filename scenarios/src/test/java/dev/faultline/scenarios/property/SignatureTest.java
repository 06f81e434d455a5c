package dev.faultline.scenarios.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import dev.faultline.sim.fault.FaultSchedule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SignatureTest {
  private static ScenarioResult failing(Verdict... verdicts) {
    Knobs knobs = Knobs.resolve(ScenarioRegistry.find("counter").orElseThrow(), Map.of());
    return new ScenarioResult(
        "counter",
        1,
        knobs,
        FaultSchedule.empty(),
        null,
        0,
        List.of(),
        List.of(verdicts),
        new TreeMap<>(),
        List.of(),
        new TreeMap<>());
  }

  @Test
  void aLostWriteThatTurnsIntoDuplicatesIsAnotherFailure() {
    Verdict lost = Verdict.fail("delivery", "x", List.of()).withAnomalies(List.of("lost"));
    Verdict dup = Verdict.fail("delivery", "x", List.of()).withAnomalies(List.of("duplicate"));
    Verdict both =
        Verdict.fail("delivery", "x", List.of()).withAnomalies(List.of("lost", "duplicate"));
    Signature s = Signature.of(failing(Verdict.pass("liveness", "ok"), lost));
    assertEquals(new Signature("delivery", List.of("lost")), s);
    assertTrue(s.matches(failing(lost)));
    assertFalse(s.matches(failing(dup)));
    assertFalse(s.matches(failing(both)), "new kinds are another failure too");
    assertFalse(s.matches(failing(Verdict.fail("liveness", "late", List.of()))));
    assertEquals(List.of("duplicate", "lost"), both.kinds());
  }

  @Test
  void aVerdictWithoutAnomaliesIsKnownByItsCheck() {
    Verdict v = Verdict.fail("liveness", "late", List.of());
    assertEquals(List.of("liveness"), v.kinds());
    assertEquals(null, Signature.of(failing(Verdict.pass("liveness", "ok"))));
  }
}
