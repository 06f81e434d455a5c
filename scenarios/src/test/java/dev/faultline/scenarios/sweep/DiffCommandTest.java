package dev.faultline.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.cli.ExitCodes;
import dev.faultline.scenarios.cli.Faultline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline diff}: what changed between two sweeps of one configuration. */
class DiffCommandTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run faultline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Faultline.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static SeedOutcome pass(long seed) {
    return new SeedOutcome(
        seed, Verdict.Status.PASS, List.of(), "", "replay " + seed, "h", new TreeMap<>());
  }

  private static SeedOutcome fail(long seed, String check, String anomaly, String problem) {
    return new SeedOutcome(
        seed,
        Verdict.Status.FAIL,
        List.of(check),
        check + ": " + problem,
        "./faultline run kafka-produce --seed " + seed,
        "h",
        new TreeMap<>(Map.of("anomaly." + anomaly, 1.0, "anomaly.other", 0.0)));
  }

  private Path results(String name, String acks, SeedOutcome... outcomes) throws IOException {
    Path file = tmp.resolve(name);
    SweepHeader h =
        new SweepHeader("kafka-produce", new TreeMap<>(Map.of("acks", acks)), "1..5", "0/1");
    try (ResultsFile r = ResultsFile.create(file, h)) {
      for (SeedOutcome o : outcomes) {
        r.write(o);
      }
    }
    return file;
  }

  @Test
  void newResolvedAndStillFailingSeedsAreNamedWithTheirChecksAndAnomalyKinds() throws IOException {
    Path before =
        results(
            "old.jsonl",
            "1",
            pass(1),
            fail(2, "delivery", "lost", "3 lost"),
            fail(3, "delivery", "duplicate", "2 duplicated"),
            pass(4),
            pass(5));
    Path after =
        results(
            "new.jsonl",
            "1",
            fail(1, "delivery", "lost", "<script>alert(1)</script>"),
            pass(2),
            fail(3, "delivery", "lost", "1 lost"),
            pass(4),
            pass(6));
    Run r =
        faultline(
            "diff", before.toString(), after.toString(), "--report", tmp.resolve("rep").toString());
    assertEquals(ExitCodes.FAILED, r.code(), "a seed fails that passed: " + r.out() + r.err());
    String out = r.out();
    assertTrue(out.contains("new failures (1):\n  seed 1: passed -> anomaly:lost, delivery"), out);
    assertTrue(out.contains("resolved (1):\n  seed 2: anomaly:lost, delivery -> passes"), out);
    assertTrue(
        out.contains(
            "still failing (1):\n  seed 3: anomaly:duplicate, delivery -> anomaly:lost, delivery"),
        out);
    assertTrue(out.contains("1 seeds only in old, 1 only in new"), out);
    assertTrue(out.matches("(?s).*anomaly:lost\\s+1\\s+2\\s+2\\s+1\\s+0\\n.*"), out);
    assertTrue(out.contains("diff: new=1 resolved=1 still=1"), out);
    String html = Files.readString(tmp.resolve("rep").resolve("index.html"));
    assertFalse(html.contains("<script>alert"), "every value is escaped");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
  }

  @Test
  void noNewFailureExitsZero() throws IOException {
    Path before = results("a.jsonl", "1", fail(1, "delivery", "lost", "x"), pass(2));
    Path after = results("b.jsonl", "1", pass(1), pass(2));
    Run r = faultline("diff", before.toString(), after.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
  }

  @Test
  void sweepsOfOtherKnobsAreRefusedInOneSentence() throws IOException {
    Path before = results("a.jsonl", "1", pass(1));
    Path after = results("b.jsonl", "all", pass(1));
    Run r = faultline("diff", before.toString(), after.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.out());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("error: ") && first.endsWith("."), first);
    assertTrue(first.contains("different knobs (acks 1 vs all)"), first);
    assertEquals(1, r.err().lines().count(), r.err());
  }
}
