package dev.faultline.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.reports.SweepReportInput;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.demo.CounterScenario;
import dev.faultline.scenarios.sweep.SeedOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SweepReportsTest {
  @Test
  void aSweepRowCountsFailingSeedsAndLinksTheirReports() throws Exception {
    CounterScenario counter = new CounterScenario();
    // liveness-ms=1 leaves no time to converge after the heal: every seed fails liveness
    Knobs knobs =
        Knobs.resolve(counter, Map.of("duration-ms", "500", "liveness-ms", "1", "faults", "none"));
    List<SeedOutcome> outcomes = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      outcomes.add(SeedOutcome.of(ScenarioRunner.run(counter, RunSpec.of(seed, knobs))));
    }
    Path dir = Files.createTempDirectory(Path.of("target"), "sweep-");
    SweepReportInput.Config row =
        SweepReports.config(
            "liveness-ms=1",
            knobs.changed(),
            outcomes,
            new TreeMap<>(),
            o -> RunReports.fileName("counter", o.seed()));
    assertEquals(3, row.seeds());
    assertEquals(3, row.failing().size(), "every seed failed liveness");
    assertEquals(3, row.failuresByCheck().get("liveness"));
    assertEquals(
        outcomes.stream().filter(o -> o.status() == Verdict.Status.FAIL).count(),
        (long) row.failed());
    Path index =
        SweepReports.write(dir, "counter, seeds 1..3", "./faultline sweep counter", List.of(row));
    String html = Files.readString(index);
    assertTrue(html.contains("id=\"rates\""));
    for (SweepReportInput.FailingSeed f : row.failing()) {
      assertTrue(html.contains("href=\"counter-seed-" + f.seed() + ".html\""));
    }
  }
}
