package dev.faultline.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.cli.Faultline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepResumeTest {
  // Short runs with a real chance of failure, so the summaries list failing seeds too.
  private static final String[] KNOBS = {
    "--set", "duration-ms=600", "--set", "liveness-ms=60", "--set", "fault-gap-ms=150"
  };

  @TempDir Path dir;

  @Test
  void aKilledSweepResumesAndItsSummaryEqualsAnUninterruptedOne() throws Exception {
    String whole = summary(sweep("1..2000", dir.resolve("whole.jsonl")));
    assertTrue(whole.contains("seeds=2000"), whole);

    Path partial = dir.resolve("partial.jsonl");
    Process p = startSweepProcess("1..2000", partial);
    try {
      waitForLines(partial, 400, p);
    } finally {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    int linesAtKill = Files.readAllLines(partial, StandardCharsets.UTF_8).size();
    assertTrue(linesAtKill > 1 && linesAtKill < 2001, "killed midway, at " + linesAtKill);

    String resumedOut = sweep("1..2000", partial, "--resume");
    assertTrue(resumedOut.contains("already done"), resumedOut);
    assertEquals(whole, summary(resumedOut));
    assertEquals(whole, summary(run("merge", partial.toString())));
  }

  @Test
  void shardsMergeIntoTheSummaryOfTheWholeSweep() throws Exception {
    String whole = summary(sweep("1..300", dir.resolve("whole.jsonl")));
    List<String> files = new ArrayList<>();
    files.add("merge");
    for (int i = 0; i < 3; i++) {
      Path f = dir.resolve("shard" + i + ".jsonl");
      String out = sweep("1..300", f, "--shard", i + "/3");
      assertTrue(out.contains("seeds=100 "), out);
      files.add(f.toString());
    }
    assertEquals(whole, summary(run(files.toArray(new String[0]))));
  }

  @Test
  void resumingWithOtherKnobsIsRefused() throws Exception {
    Path f = dir.resolve("r.jsonl");
    sweep("1..4", f);
    StringWriter err = new StringWriter();
    int code =
        Faultline.execute(
            new String[] {
              "sweep",
              "counter",
              "--seeds",
              "1..4",
              "--results",
              f.toString(),
              "--resume",
              "--set",
              "nodes=3"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(2, code);
    assertTrue(err.toString().contains("cannot resume"), err.toString());
  }

  private static String sweep(String seeds, Path file, String... extra) {
    List<String> args = new ArrayList<>(List.of("sweep", "counter", "--seeds", seeds));
    args.addAll(List.of(KNOBS));
    args.addAll(List.of("--results", file.toString(), "--workers", "2"));
    args.addAll(List.of(extra));
    return run(args.toArray(new String[0]));
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Faultline.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertTrue(code == 0 || code == 1, String.join(" ", args) + " exited " + code + ": " + err);
    return out.toString();
  }

  /** The part of a sweep's or merge's output that must not depend on how the seeds were run. */
  private static String summary(String out) {
    List<String> lines = new ArrayList<>();
    for (String l : out.split("\n")) {
      if (!l.startsWith("sweep:")
          && !l.startsWith("merge:")
          && !l.startsWith("results:")
          && !l.startsWith("knobs:")) {
        lines.add(l);
      }
    }
    return String.join("\n", lines);
  }

  private static Process startSweepProcess(String seeds, Path file) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Faultline.class.getName());
    cmd.addAll(List.of("sweep", "counter", "--seeds", seeds));
    cmd.addAll(List.of(KNOBS));
    cmd.addAll(List.of("--results", file.toString(), "--workers", "2"));
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static void waitForLines(Path file, int lines, Process p) throws Exception {
    for (int i = 0; i < 6000; i++) {
      if (Files.exists(file) && Files.readAllLines(file, StandardCharsets.UTF_8).size() >= lines) {
        return;
      }
      if (!p.isAlive()) {
        throw new AssertionError("the sweep process ended before it could be killed");
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the sweep process wrote fewer than " + lines + " lines in a minute");
  }
}
