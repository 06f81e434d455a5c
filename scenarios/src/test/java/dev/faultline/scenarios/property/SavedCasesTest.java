package dev.faultline.scenarios.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every case saved under src/test/resources/regressions (as the property harness saves
 * them) and requires the outcome it was saved with: a counterexample a bug flag produced must still
 * be caught; a fixed bug's case must still pass.
 */
class SavedCasesTest {
  @TestFactory
  Stream<DynamicTest> everySavedCaseReplaysAsSaved() throws IOException {
    Path dir = Path.of("src", "test", "resources", "regressions");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".case")).sorted().toList();
    }
    assertTrue(!files.isEmpty(), "no saved cases in " + dir);
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      Case c = CaseFile.read(f);
                      Scenario s = ScenarioRegistry.find(c.scenario()).orElseThrow();
                      ScenarioResult r = ScenarioRunner.run(s, c.spec(s));
                      assertEquals(
                          c.expect(),
                          r.status(),
                          "replay: ./faultline replay " + f + "\n" + r.verdicts());
                    }));
  }
}
