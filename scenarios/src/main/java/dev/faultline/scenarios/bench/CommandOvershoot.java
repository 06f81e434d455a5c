package dev.faultline.scenarios.bench;

import dev.faultline.checker.gen.HistoryText;
import dev.faultline.checker.gen.WideHistories;
import dev.faultline.checker.gen.WideHistorySpec;
import dev.faultline.checker.history.Op;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How far {@code faultline check --time-limit S} overshoots S as a user measures it: the wall time
 * of the whole command, in a fresh JVM (the launcher script when this JVM was started by it, else
 * {@code java} with this class path), start-up, reading and exit included. On the wide history that
 * cannot be decided in time and on a file of a million entries that cannot even be read in time;
 * the first line is the floor, the same command on a two-line file.
 */
final class CommandOvershoot {
  /** Longest a run may take before it is called hung: far beyond any limit measured here. */
  private static final long HUNG_SECONDS = 120;

  private CommandOvershoot() {}

  static void run(PrintWriter out) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("faultline-overshoot");
    try {
      Path tiny = dir.resolve("tiny.edn");
      Files.writeString(
          tiny,
          "{:process 0, :type :invoke, :f :write, :value 1}\n"
              + "{:process 0, :type :ok, :f :write, :value 1}\n");
      Path wide = write(dir.resolve("undecidable.edn"), WideRows.undecidable());
      Path big =
          write(
              dir.resolve("million.edn"), WideHistories.mixed(WideHistorySpec.wide(1_000_000, 1)));
      out.printf(
          Locale.ROOT,
          "%nthe whole command in a fresh JVM (%s check --time-limit S FILE), wall time%n",
          String.join(" ", command()));
      measure(out, "two-line file (the floor)", tiny, 5);
      for (double s : new double[] {1, 5}) {
        measure(out, "wide, 10,042 ops, cannot be decided", wide, s);
      }
      for (double s : new double[] {1, 5}) {
        measure(out, "1,000,000 entries (" + (Files.size(big) >> 20) + " MB)", big, s);
      }
    } finally {
      for (String f : new String[] {"tiny.edn", "undecidable.edn", "million.edn"}) {
        Files.deleteIfExists(dir.resolve(f));
      }
      Files.deleteIfExists(dir);
    }
  }

  private static Path write(Path file, List<Op> ops) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      HistoryText.write(ops, "edn", w);
    }
    return file;
  }

  private static void measure(PrintWriter out, String what, Path file, double seconds)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(command());
    cmd.addAll(List.of("check", "--time-limit", String.valueOf(seconds), file.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    long t0 = System.nanoTime();
    Process p = pb.start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(HUNG_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    String verdict = output.lines().filter(l -> l.startsWith(file + ": ")).findFirst().orElse("?");
    verdict = verdict.substring(Math.min(verdict.length(), file.toString().length() + 2));
    out.printf(
        Locale.ROOT,
        "%-40s limit %.0f s: wall %6.0f ms, overshoot %5.1f%%  (%s, exit %d)%n",
        what,
        seconds,
        ms,
        Math.max(0, (ms / (seconds * 1000) - 1) * 100),
        verdict,
        p.exitValue());
    out.flush();
  }

  /** The launcher when this JVM came from it, else java with this JVM's class path. */
  private static List<String> command() {
    String launcher = System.getProperty("faultline.launcher");
    if (launcher != null && Files.isExecutable(Path.of(launcher))) {
      return List.of(launcher);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(
        java,
        "-cp",
        System.getProperty("java.class.path"),
        dev.faultline.scenarios.cli.Faultline.class.getName());
  }
}
