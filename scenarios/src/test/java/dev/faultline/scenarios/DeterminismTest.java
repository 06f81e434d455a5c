package dev.faultline.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Same seed and configuration, same trace hash, for every scenario of the catalog at its default
 * knobs: twice in this JVM, once more in a fresh JVM process, and once in every extra JDK named by
 * the {@code FAULTLINE_EXTRA_JDKS} environment variable (java homes separated by {@code :}; CI sets
 * it to the other JDKs on the machine).
 */
class DeterminismTest {
  private static final long FIRST = 1;
  private static final long LAST = 20;

  @Test
  void everyScenarioGivesTheSameTraceHashInThisJvmAndInOtherProcesses() throws Exception {
    Map<String, String> here = new TreeMap<>();
    for (Scenario s : ScenarioRegistry.all()) {
      Knobs k = Knobs.resolve(s, Map.of());
      for (long seed = FIRST; seed <= LAST; seed++) {
        String first = DeterminismProbe.hashOf(s, RunSpec.of(seed, k));
        String second = DeterminismProbe.hashOf(s, RunSpec.of(seed, k));
        assertEquals(first, second, replay(s.name(), seed) + " gave two hashes in one JVM");
        here.put(s.name() + " " + seed, first);
      }
    }
    List<String> javas = new ArrayList<>();
    javas.add(ProcessHandle.current().info().command().orElse("java"));
    String extra = System.getenv("FAULTLINE_EXTRA_JDKS");
    if (extra != null && !extra.isBlank()) {
      for (String home : extra.split(":")) {
        javas.add(Path.of(home, "bin", "java").toString());
      }
    }
    for (String java : javas) {
      Map<String, String> there = runProbe(java);
      assertEquals(here.keySet(), there.keySet(), "the probe under " + java + " ran other runs");
      for (Map.Entry<String, String> e : here.entrySet()) {
        String[] run = e.getKey().split(" ");
        assertEquals(
            e.getValue(),
            there.get(e.getKey()),
            replay(run[0], Long.parseLong(run[1])) + " differs under " + java);
      }
    }
  }

  private static Map<String, String> runProbe(String java)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(DeterminismProbe.class.getName());
    cmd.add(Long.toString(FIRST));
    cmd.add(Long.toString(LAST));
    Path out = Files.createTempFile("determinism", ".txt");
    try {
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("the probe under " + java + " did not finish in 5 minutes");
      }
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), java + " probe failed:\n" + String.join("\n", lines));
      Map<String, String> hashes = new TreeMap<>();
      for (String line : lines) {
        String[] parts = line.split(" ");
        if (parts.length == 3) {
          hashes.put(parts[0] + " " + parts[1], parts[2]);
        }
      }
      return hashes;
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static String replay(String scenario, long seed) {
    return scenario
        + " seed "
        + seed
        + " (replay: ./faultline run "
        + scenario
        + " --seed "
        + seed
        + ")";
  }
}
