package dev.faultline.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Arguments and results files: one rule for each, one sentence for each mistake. */
class ArgumentsAndResultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  private static List<String> sweep;

  @BeforeAll
  static void sweepThreeSeeds() throws IOException {
    Path file = tmp.resolve("three.jsonl");
    CliTest.Outcome o =
        CliTest.faultline(
            "sweep",
            "counter",
            "--seeds",
            "1..3",
            "--set",
            "duration-ms=300",
            "--results",
            file.toString(),
            "--workers",
            "1");
    assertEquals(0, o.code(), o.err());
    sweep = Files.readAllLines(file);
    assertEquals(4, sweep.size());
  }

  private static Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static String row(int i, String field, Object value) throws IOException {
    ObjectNode n = (ObjectNode) JSON.readTree(sweep.get(i));
    if (value == null) {
      n.remove(field);
    } else if (value == JSON) {
      n.putNull(field);
    } else {
      n.putPOJO(field, value);
    }
    return JSON.writeValueAsString(n);
  }

  private static void refused(CliTest.Outcome o, String words) {
    assertEquals(2, o.code(), o.out() + o.err());
    String first = o.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("error: ") && first.endsWith("."), first);
    assertTrue(first.contains(words), first);
    assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
  }

  @Test
  void rowsWithNullsOrMissingFieldsAreRefusedNamingTheLine() throws IOException {
    String header = sweep.get(0) + "\n";
    Path nulls = write("nulls.jsonl", header + row(1, "traceHash", JSON) + "\n");
    refused(CliTest.faultline("merge", nulls.toString()), "line 2 is not a seed result");
    Path noSeed = write("noseed.jsonl", header + row(1, "seed", null) + "\n");
    refused(CliTest.faultline("merge", noSeed.toString()), "field 'seed'");
    Path nullItem =
        write("item.jsonl", header + row(1, "failedChecks", new String[] {null}) + "\n");
    refused(CliTest.faultline("merge", nullItem.toString()), "failedChecks[0]");
    // The same file cannot be resumed either: the sweep refuses it before it runs anything.
    refused(
        CliTest.faultline(
            "sweep",
            "counter",
            "--seeds",
            "1..3",
            "--set",
            "duration-ms=300",
            "--results",
            noSeed.toString(),
            "--resume"),
        "field 'seed'");
  }

  @Test
  void aLastLineWithoutItsNewlineIsNotDoneAndResumeRewritesTheFileCleanly() throws IOException {
    Path file = write("torn.jsonl", sweep.get(0) + "\n" + sweep.get(1) + "\n" + sweep.get(2));
    CliTest.Outcome o =
        CliTest.faultline(
            "sweep",
            "counter",
            "--seeds",
            "1..3",
            "--set",
            "duration-ms=300",
            "--results",
            file.toString(),
            "--resume",
            "--workers",
            "1");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("2 to run, 1 already done"), o.out());
    List<String> lines = Files.readAllLines(file);
    assertEquals(4, lines.size(), String.join("\n", lines));
    assertTrue(Files.readString(file).endsWith("\n"));
    CliTest.Outcome merged = CliTest.faultline("merge", file.toString());
    assertTrue(merged.out().strip().endsWith("seeds=3 passed=3 failed=0 unknown=0"), merged.out());
  }

  @Test
  void mergeRefusesWhatItCannotCombineWithExitTwoAlways() throws IOException {
    Path whole = write("whole.jsonl", String.join("\n", sweep) + "\n");
    Path other = write("other.jsonl", sweep.get(0) + "\n" + row(1, "traceHash", "0123") + "\n");
    refused(CliTest.faultline("merge", whole.toString(), other.toString()), "two different trace");
    Path knobs =
        write(
            "knobs.jsonl",
            sweep.get(0).replace("\"duration-ms\":\"300\"", "\"duration-ms\":\"301\"") + "\n");
    refused(CliTest.faultline("merge", whole.toString(), knobs.toString()), "other knobs");
    refused(CliTest.faultline("merge", tmp.resolve("missing.jsonl").toString()), "no such file");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sweep counter --seeds 1..9223372036854775807",
        "sweep counter --seeds 0..100000000",
        "compare counter --seeds 0..9223372036854775807 --vary nodes=3,5",
        "sweep counter --seeds 0..9223372036854775807 --shard 1/2",
      })
  void absurdSeedRangesAreRefusedBeforeAnythingRuns(String line) {
    refused(CliTest.faultline(line.split(" ")), "one sweep runs at most 1000000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run counter --seed -1", "tour --seed -5", "sweep counter --seeds -3..4"})
  void seedsAreNeverNegativeInAnyCommand(String line) {
    refused(CliTest.faultline(line.split(" ")), "");
  }

  @Test
  void quotesInASetValueAreTakenAsTypedWithoutPicocliWarnings() {
    CliTest.Outcome o = CliTest.faultline("run", "counter", "--seed", "1", "--set", "bug=\"none");
    refused(o, "bad value '\"none' for knob bug");
    assertFalse(o.err().contains("picocli"), o.err());
  }

  @Test
  void runWithoutASeedDrawsOneAndPrintsItFirstAndInTheReplayLine() {
    CliTest.Outcome o = CliTest.faultline("run", "counter", "--set", "duration-ms=300");
    assertEquals(0, o.code(), o.err());
    String seedLine = o.out().lines().skip(1).findFirst().orElseThrow();
    assertTrue(seedLine.matches("seed: \\d+ {3}\\(drawn at random; --seed \\d+ runs it again\\)"));
    String seed = seedLine.split(" ")[1];
    assertTrue(
        o.out().contains("replay: ./faultline run counter --seed " + seed + " --set"), o.out());
  }

  @Test
  void aReplayedCaseLineNamesItsScheduleByAbsolutePath() throws IOException {
    Path caseFile =
        write(
            "c.case",
            "scenario counter\nseed 4\nset duration-ms=300\nschedule\n0.100000s crash n2\n");
    CliTest.Outcome o = CliTest.faultline("replay", caseFile.toString());
    assertEquals(0, o.code(), o.err());
    String abs = caseFile.toAbsolutePath().normalize().toString();
    assertTrue(
        o.out()
            .contains(
                "replay: ./faultline run counter --seed 4 --set duration-ms=300 --schedule " + abs),
        o.out());
    assertTrue(o.out().contains("replay: ./faultline replay " + abs), o.out());
    CliTest.Outcome again =
        CliTest.faultline(
            "run", "counter", "--seed", "4", "--set", "duration-ms=300", "--schedule", abs);
    assertTrue(again.out().contains("0.100000s crash n2"), again.out());
  }
}
