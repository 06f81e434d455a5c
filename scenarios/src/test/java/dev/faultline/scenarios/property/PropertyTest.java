package dev.faultline.scenarios.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.cli.Faultline;
import dev.faultline.sim.fault.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertyTest {
  @TempDir Path dir;

  @Test
  void aBugFlagIsFoundShrunkToAFewFaultsSavedAndReplayed() throws Exception {
    PropertyResult r =
        Property.of("counter").tries(50).set("bug", "no-gossip-after-restart").saveTo(dir).check();
    assertTrue(!r.held(), "the bug flag must be found");
    System.out.println(r.report());
    int before = r.original().schedule().size();
    int after = r.shrunk().schedule().size();
    assertTrue(before >= 6, "the original schedule had " + before + " faults");
    // Only a restart after a crash reveals the bug; the heal restarts crashed nodes itself, so
    // one crash (and perhaps its restart) is all the schedule needs.
    assertTrue(after <= 2 && after * 3 < before, r.report());
    assertTrue(r.shrunk().schedule().faults().get(0).fault() instanceof Fault.Crash, r.report());
    long duration = Long.parseLong(r.shrunk().knobs().getOrDefault("duration-ms", "10000"));
    assertTrue(duration < 10_000, "the fault phase was shortened too: " + r.report());

    assertNotNull(r.saved());
    Case saved = CaseFile.read(r.saved());
    assertEquals(r.shrunk(), saved);
    var replayed =
        ScenarioRunner.run(
            ScenarioRegistry.find("counter").orElseThrow(),
            saved.spec(ScenarioRegistry.find("counter").orElseThrow()));
    assertEquals(Verdict.Status.FAIL, replayed.status());
    StringWriter out = new StringWriter();
    int code =
        Faultline.execute(
            new String[] {"replay", r.saved().toString()},
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertEquals(1, code, out.toString());
    assertTrue(out.toString().contains("FAIL liveness"), out.toString());
  }

  @Test
  void shrinkingIsDeterministic() {
    PropertyResult a =
        Property.of("counter").tries(20).set("bug", "no-gossip-after-restart").saveTo(null).check();
    PropertyResult b =
        Property.of("counter").tries(20).set("bug", "no-gossip-after-restart").saveTo(null).check();
    assertEquals(a.shrunk(), b.shrunk());
    assertEquals(a.shrinkRuns(), b.shrinkRuns());
  }

  @Test
  void theCorrectCounterHoldsAndGeneratedKnobsVaryPerTry() {
    Property.of("counter")
        .tries(15)
        .set("duration-ms", "3000")
        .vary("nodes", Gen.intText(2, 6))
        .vary("sync-every", Gen.oneOf(java.util.List.of("1", "5", "25")))
        .assertHolds();
  }

  @Test
  void aCustomPredicateShrinksTowardsItsOwnFailure() {
    PropertyResult r =
        Property.of("counter")
            .tries(10)
            .holds(
                "no message is ever dropped",
                res -> res.metrics().getOrDefault("messages.dropped", 0.0) == 0)
            .saveTo(null)
            .check();
    assertTrue(!r.held());
    assertEquals(1, r.shrunk().schedule().size(), r.report());
  }
}
