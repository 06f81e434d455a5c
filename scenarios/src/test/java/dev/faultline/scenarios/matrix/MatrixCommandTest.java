package dev.faultline.scenarios.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.cli.Faultline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code faultline matrix} end to end, on a few cells and seeds. */
class MatrixCommandTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run faultline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Faultline.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void cellsThatHoldAreMarkedAndPairedAndTheReportIsWritten() throws IOException {
    Run r =
        faultline(
            "matrix",
            "--seeds",
            "1..3",
            "--workers",
            "2",
            "--only",
            "kafka/leader-crash/acks=0",
            "--report",
            tmp.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    String holds = MatrixTable.mark(true);
    assertTrue(r.out().contains("kafka/leader-crash\n"), r.out());
    assertTrue(r.out().matches("(?s).*\n  defaults .* baseline .*" + holds + ".*"), r.out());
    assertTrue(
        r.out().matches("(?s).*\n  acks=0 .*\\+100\\.0%.*0\\.2500 .*" + holds + ".*"), r.out());
    assertTrue(r.out().contains("matrix: 2 of 2 cells hold"), r.out());
    assertTrue(r.err().contains("matrix: cell 2/2: kafka/leader-crash/acks=0"), r.err());
    String html = Files.readString(tmp.resolve("index.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("2 of 2 cells hold"), html);
    assertTrue(html.contains("--only kafka/leader-crash/acks=0"), html);
  }

  @Test
  void aMustShowAnomalyTooRareForTheSeedsRunIsACrossWithASeedToReplay() {
    Run r =
        faultline("matrix", "--seeds", "3..3", "--only", "kafka-txn/leader-crash/read_uncommitted");
    assertEquals(1, r.code(), r.out() + r.err());
    String line =
        MatrixTable.mark(false)
            + " kafka-txn/leader-crash/read_uncommitted: G1a never occurred in 1 seeds (replay one:"
            + " ./faultline run kafka-txn --seed 3 ";
    assertTrue(r.out().contains(line), r.out());
    assertTrue(r.out().contains("matrix: 1 of 2 cells hold"), r.out());
  }

  @Test
  void cellsOfAScenarioNotInThisBuildAreSkippedAndSaidSo() {
    Run r = faultline("matrix", "--list");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().contains("pipeline/crash-between/before-processing: kafka-pipeline"), r.out());
    if (MatrixRunner.scenario(
            MatrixCells.all().stream()
                .filter(c -> c.scenario().equals("kafka-pipeline"))
                .findFirst()
                .orElseThrow())
        .isEmpty()) {
      assertTrue(r.out().contains("(not in this build)"), r.out());
      Run p = faultline("matrix", "--seeds", "1..1", "--only", "pipeline");
      assertEquals(0, p.code(), p.out() + p.err());
      assertTrue(p.out().contains("kafka-pipeline: not in this build (6 cell(s) skipped"), p.out());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "matrix --seeds 1..x",
        "matrix --seeds 5..1",
        "matrix --workers 0",
        "matrix --only no-such-cell",
        "matrix --only kafka/leader-crash/acks=7",
        "matrix --frobnicate",
      })
  void badArgumentsExitTwoWithOneSentence(String line) {
    Run r = faultline(line.split(" "));
    assertEquals(2, r.code(), line + " → " + r.err());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("error: ") && first.endsWith("."), "one sentence: " + first);
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
