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
 * Same seed and configuration, same trace hash: twice in this JVM, once more in a fresh JVM
 * process, and once in every extra JDK named by the {@code FAULTLINE_EXTRA_JDKS} environment
 * variable (java homes separated by {@code :}; CI sets it to the other JDKs on the machine).
 */
class DeterminismTest {
  private static final String SCENARIO = "counter";
  private static final long FIRST = 1;
  private static final long LAST = 50;
  private static final String[] KNOBS = {"duration-ms=4000", "liveness-ms=2000"};

  @Test
  void fiftySeedsGiveTheSameTraceHashInThisJvmAndInOtherProcesses() throws Exception {
    Scenario s = ScenarioRegistry.find(SCENARIO).orElseThrow();
    Map<String, String> knobs = new TreeMap<>();
    for (String kv : KNOBS) {
      knobs.put(kv.split("=")[0], kv.split("=")[1]);
    }
    Knobs k = Knobs.resolve(s, knobs);
    Map<Long, String> here = new TreeMap<>();
    for (long seed = FIRST; seed <= LAST; seed++) {
      String first = DeterminismProbe.hashOf(s, RunSpec.of(seed, k));
      String second = DeterminismProbe.hashOf(s, RunSpec.of(seed, k));
      assertEquals(first, second, replay(seed) + " gave two hashes in one JVM");
      here.put(seed, first);
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
      Map<Long, String> there = runProbe(java);
      for (long seed = FIRST; seed <= LAST; seed++) {
        assertEquals(here.get(seed), there.get(seed), replay(seed) + " differs under " + java);
      }
    }
  }

  private static Map<Long, String> runProbe(String java) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(DeterminismProbe.class.getName());
    cmd.add(SCENARIO);
    cmd.add(Long.toString(FIRST));
    cmd.add(Long.toString(LAST));
    cmd.addAll(List.of(KNOBS));
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
      Map<Long, String> hashes = new TreeMap<>();
      for (String line : lines) {
        String[] parts = line.split(" ");
        hashes.put(Long.parseLong(parts[0]), parts[1]);
      }
      return hashes;
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static String replay(long seed) {
    return "seed "
        + seed
        + " (replay: ./faultline run "
        + SCENARIO
        + " --seed "
        + seed
        + " --set "
        + String.join(" --set ", KNOBS)
        + ")";
  }
}
