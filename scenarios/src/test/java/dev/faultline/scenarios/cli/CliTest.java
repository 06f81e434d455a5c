package dev.faultline.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
  record Outcome(int code, String out, String err) {}

  static Outcome faultline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Faultline.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "run no-such-scenario",
        "run counter --set no-such-knob=1",
        "run counter --set nodes=many",
        "run counter --set duration-ms=-5",
        "run counter --seed minus-one",
        "sweep counter --seeds 5..1",
        "sweep counter --seeds 1..x",
        "sweep counter",
        "run counter --schedule does-not-exist.txt",
        "bench nothing",
        "frobnicate",
      })
  void badArgumentsPrintOneSentenceAndExitTwoWithoutAStackTrace(String line) {
    Outcome o = faultline(line.split(" "));
    assertEquals(2, o.code(), line + " → " + o.err());
    String first = o.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("error: ") && first.endsWith("."), "one sentence: " + first);
    assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
  }

  @Test
  void runPrintsTheConfigurationFirstThenTheVerdictsAndTheReplayCommand() {
    Outcome o = faultline("run", "counter", "--seed", "4", "--set", "duration-ms=2000");
    assertEquals(0, o.code(), o.err());
    String out = o.out();
    assertTrue(out.startsWith("scenario: counter\nseed: 4\nknobs:\n"), out);
    assertTrue(out.contains("  duration-ms = 2000   (set)"), out);
    assertTrue(out.indexOf("knobs:") < out.indexOf("trace hash: "), out);
    assertTrue(out.contains("PASS liveness:"), out);
    assertTrue(
        out.contains("replay: ./faultline run counter --seed 4 --set duration-ms=2000"), out);
  }

  @Test
  void theSameSeedPrintsTheSameTraceHash() {
    String a = hashLine(faultline("run", "counter", "--seed", "9").out());
    String b = hashLine(faultline("run", "counter", "--seed", "9").out());
    String c = hashLine(faultline("run", "counter", "--seed", "10").out());
    assertEquals(a, b);
    assertFalse(a.equals(c));
  }

  @Test
  void sweepEndsWithACountLineAndListsFailingSeedsWithTheirReplay() {
    String results = tempFile("pass.jsonl");
    Outcome pass =
        faultline(
            "sweep",
            "counter",
            "--seeds",
            "1..6",
            "--set",
            "duration-ms=2000",
            "--results",
            results);
    assertEquals(0, pass.code(), pass.err());
    assertTrue(pass.out().strip().endsWith("seeds=6 passed=6 failed=0 unknown=0"), pass.out());

    // Gossip every 2 s cannot converge within 1 ms of the heal: every seed fails.
    Outcome fail =
        faultline(
            "sweep",
            "counter",
            "--seeds",
            "3..4",
            "--set",
            "liveness-ms=1",
            "--set",
            "gossip-ms=2000");
    assertEquals(1, fail.code(), fail.out());
    assertTrue(fail.out().contains("FAIL seed 3"), fail.out());
    assertTrue(
        fail.out()
            .contains(
                "replay: ./faultline run counter --seed 3 --set gossip-ms=2000 --set"
                    + " liveness-ms=1"),
        fail.out());
    assertTrue(fail.out().strip().endsWith("seeds=2 passed=0 failed=2 unknown=0"), fail.out());
  }

  @Test
  void runReplaysASavedFaultSchedule() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("schedule", ".txt");
    java.nio.file.Files.writeString(file, "0.500000s crash n2\n1.000000s restart n2\n");
    Outcome o = faultline("run", "counter", "--schedule", file.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("fault schedule (2 faults):\n  0.500000s crash n2\n"), o.out());
    java.nio.file.Files.writeString(file, "0.5s crash n9\n");
    Outcome bad = faultline("run", "counter", "--schedule", file.toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("n9"), bad.err());
    java.nio.file.Files.delete(file);
  }

  @Test
  void selfCheckRunsTheSeedTwiceAndComparesHashes() {
    Outcome o = faultline("run", "counter", "--seed", "2", "--self-check");
    assertEquals(0, o.code(), o.err());
    assertTrue(
        o.out().contains("self-check: PASS, a second run gave the same trace hash"), o.out());
  }

  @Test
  void listNamesEveryScenarioAndItsKnobs() {
    Outcome o = faultline("list", "--knobs");
    assertEquals(0, o.code());
    assertTrue(o.out().contains("counter"), o.out());
    assertTrue(o.out().contains("duration-ms=10000"), o.out());
  }

  private static String tempFile(String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cli-test");
      dir.toFile().deleteOnExit();
      return dir.resolve(name).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String hashLine(String out) {
    return out.lines()
        .filter(l -> l.startsWith("trace hash:"))
        .findFirst()
        .orElseThrow()
        .split("  ")[0];
  }
}
