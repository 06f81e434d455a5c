package dev.faultline.scenarios.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.property.Case;
import dev.faultline.scenarios.property.CaseFile;
import dev.faultline.scenarios.property.Gen;
import dev.faultline.scenarios.property.Property;
import dev.faultline.scenarios.property.PropertyResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** raft-kv through the property harness: the correct protocol holds; a bug flag is shrunk. */
class RaftKvPropertyTest {
  @TempDir Path dir;

  @Test
  void raftKvIsLinearizableAndLiveOverGeneratedClusters() {
    Property.of("raft-kv")
        .tries(20)
        .firstSeed(5_000)
        .vary("voters", Gen.oneOf(List.of("3", "5")))
        .vary("swarm", Gen.oneOf(List.of("true", "false")))
        .assertHolds();
  }

  @Test
  void aStaleLeaderReadIsFoundShrunkAndSavedAsACaseThatReplays() throws Exception {
    PropertyResult r =
        Property.of("raft-kv").tries(20).set("bug", "stale-leader-read").saveTo(dir).check();
    assertFalse(r.held(), "the bug flag must be found");
    System.out.println(r.report());
    int before = r.original().schedule().size();
    int after = r.shrunk().schedule().size();
    assertTrue(after < before, "shrinking dropped faults: " + before + " -> " + after);
    Case saved = CaseFile.read(r.saved());
    var scenario = ScenarioRegistry.find("raft-kv").orElseThrow();
    assertEquals(
        Verdict.Status.FAIL,
        ScenarioRunner.run(scenario, saved.spec(scenario)).status(),
        "replay: ./faultline replay " + r.saved());
  }
}
