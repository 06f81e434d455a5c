package dev.faultline.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.reports.RunReport;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.demo.CounterScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportsTest {
  private static final CounterScenario COUNTER = new CounterScenario();

  private static ScenarioResult counter(long seed) {
    Knobs knobs =
        Knobs.resolve(
            COUNTER,
            Map.of("duration-ms", "2000", "liveness-ms", "2000", "faults", "crash,partition"));
    return ScenarioRunner.run(COUNTER, RunSpec.of(seed, knobs).withFullTrace(true));
  }

  @Test
  void twoRunsOfTheSameSeedWriteByteIdenticalReports() throws Exception {
    Path dir = Path.of("target", "run-reports-test");
    Path a = RunReports.write(dir.resolve("a.html"), counter(3));
    Path b = RunReports.write(dir.resolve("b.html"), counter(3));
    assertEquals(-1L, Files.mismatch(a, b), "the same run gave different bytes");
    String html = Files.readString(a);
    assertTrue(
        html.contains("./faultline run counter --seed 3 --set"), "the replay command is shown");
    assertTrue(html.contains("id=\"fig-roles\""), "the full trace gives a role chart");
  }

  @Test
  void nodeNamesComeFromTheFaultsThatNamedThem() {
    ScenarioResult r = counter(3);
    List<String> names = RunReports.input(r).nodeNames();
    assertEquals(List.of("n1", "n2", "n3", "n4", "n5"), names);
    assertTrue(RunReport.render(RunReports.input(r)).contains(">n5</text>"));
  }

  @Test
  void aTourSiteLinksEachReportFromItsIndex() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "tour-");
    TourSite site = new TourSite(dir, 3);
    site.add(counter(3));
    Path index = site.finish();
    assertEquals(dir.resolve("index.html").toAbsolutePath().normalize(), index);
    assertTrue(Files.readString(index).contains("href=\"counter-seed-3.html\""));
    assertTrue(Files.exists(dir.resolve("counter-seed-3.html")));
  }
}
