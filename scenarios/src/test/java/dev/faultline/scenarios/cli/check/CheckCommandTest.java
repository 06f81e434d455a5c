package dev.faultline.scenarios.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.cli.ExitCodes;
import dev.faultline.scenarios.cli.Faultline;
import dev.faultline.scenarios.cli.ProjectRoot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Faultline.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static Path porcupine() {
    Path dir = ProjectRoot.shared().resolve("histories").resolve("porcupine");
    assertTrue(Files.isDirectory(dir), "the golden histories are missing: expected " + dir);
    return dir;
  }

  private Path write(String name, String... lines) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, String.join("\n", lines) + "\n");
    return p;
  }

  @Test
  void theEtcdDirectoryGetsOneLinePerFileAndExitsOneForTheViolations() {
    Run r = run("check", porcupine().resolve("jepsen").toString());
    assertEquals(ExitCodes.FAILED, r.code(), r.err());
    assertEquals(103, r.lines().size(), r.out());
    long linearizable = r.lines().stream().filter(l -> l.contains(": LINEARIZABLE ")).count();
    assertEquals(24, linearizable, "23 linearizable histories and the empty etcd_095");
    assertTrue(
        r.lines().stream()
            .allMatch(l -> l.matches(".*etcd_\\d{3}\\.log: (NOT_)?LINEARIZABLE ops=\\d+ ms=\\d+")),
        r.out());
    assertTrue(r.err().contains("cas-register model"), r.err());
  }

  @Test
  void kvFilesAreCheckedWithTheKvModelAndExplained() {
    Run ok = run("check", porcupine().resolve("kv/c10-ok.txt").toString());
    assertEquals(ExitCodes.OK, ok.code(), ok.err());
    assertTrue(ok.out().contains("c10-ok.txt: LINEARIZABLE ops=337 "), ok.out());
    Run bad = run("check", "--explain", porcupine().resolve("kv/c01-bad.txt").toString());
    assertEquals(ExitCodes.FAILED, bad.code());
    assertTrue(bad.out().contains("NOT_LINEARIZABLE"), bad.out());
    assertTrue(bad.out().contains("no order places process 0: get \"7\""), bad.out());
  }

  @Test
  void aHistoryThatCannotBeDecidedInTimeIsUnknownWithExitThree() throws IOException {
    // 40 concurrent writes of distinct values and an impossible read are now decided at once by
    // the unique-value fast path; a wide history of repeated values still takes the search far
    // longer than 0.2 s.
    Path hard = tmp.resolve("hard.edn");
    Run gen = run("gen-history", "--entries", "100000", "--processes", "60", "-o", hard.toString());
    assertEquals(ExitCodes.OK, gen.code(), gen.err());
    Run r = run("check", "--model", "cas-register", "--time-limit", "0.2", hard.toString());
    assertEquals(ExitCodes.UNKNOWN, r.code(), r.err());
    assertTrue(r.out().startsWith(hard + ": UNKNOWN ops="), r.out());
    assertTrue(r.err().contains("time limit"), r.err());
  }

  @Test
  void jsonLinesPickTheSmallestModelAndHonourTheInitialValue() throws IOException {
    Path h =
        write(
            "h.jsonl",
            "{\"process\":0,\"type\":\"invoke\",\"f\":\"read\"}",
            "{\"process\":0,\"type\":\"ok\",\"f\":\"read\",\"value\":5}");
    Run inferred = run("check", h.toString());
    assertEquals(ExitCodes.FAILED, inferred.code(), inferred.err());
    assertTrue(inferred.err().contains("register model"), inferred.err());
    Run initial = run("check", "--model", "cas-register", "--initial", "5", h.toString());
    assertEquals(ExitCodes.OK, initial.code(), initial.err());
  }

  @Test
  void malformedInputIsOneSentenceNamingFileAndLineWithExitTwo() throws IOException {
    Path h =
        write(
            "bad.edn",
            "{:process 0, :type :invoke, :f :write, :value 1}",
            "{:process 1, :type :ok, :f :write, :value 1}");
    Run r = run("check", h.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertEquals(
        "error: " + h + ":2: a completion (ok write) for process 1, which has no pending invoke.",
        r.err().strip());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void badArgumentsAreRejectedWithExitTwoAndTheUsage() throws IOException {
    Path h = write("h.edn", "{:process 0, :type :invoke, :f :read}");
    for (String[] args :
        List.of(
            new String[] {"check", "--model", "stack", h.toString()},
            new String[] {"check", "--initial", "[1", h.toString()},
            new String[] {"check", "--format", "xml", h.toString()},
            new String[] {"check", "--time-limit", "-1", h.toString()})) {
      Run r = run(args);
      assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
      assertTrue(r.err().startsWith("error: "), r.err());
      assertTrue(r.err().contains("Usage: faultline check"), r.err());
    }
  }

  @Test
  void badInputIsRejectedWithExitTwoAndOneLine() throws IOException {
    Path h = write("h.edn", "{:process 0, :type :invoke, :f :read}");
    for (String[] args :
        List.of(
            new String[] {"check", "--model", "queue", h.toString()},
            new String[] {"check", tmp.resolve("missing.edn").toString()})) {
      Run r = run(args);
      assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("error: "), r.err());
    }
  }
}
