package dev.faultline.scenarios.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.cli.Faultline;
import dev.faultline.scenarios.cli.fuzz.Inputs.Format;
import dev.faultline.scenarios.cli.fuzz.Inputs.Input;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command line's contract, on inputs broken in the ways files get broken ({@link Mutator}):
 * every run ends with exit 0, 1, 2 or 3; never a stack trace; a refusal is one sentence; and a file
 * that is accepted keeps every well-formed entry that survived the mutation untouched.
 *
 * <p>Seeded: a failure names its seed, and the input is saved under target/fuzz-failures with the
 * command that replays it. {@code -Dfaultline.fuzz.seed=N} explores another seed.
 */
class CliFuzzTest {
  private static final long SEED = Long.getLong("faultline.fuzz.seed", 20_261_125L);
  private static final int HISTORIES_PER_FORMAT = 1_000;
  private static final int SCHEDULES = 300;
  private static final Pattern STACK =
      Pattern.compile("(?m)^\\s+at [\\w.$]+\\(|Exception|java\\.lang\\.|\\bError\\b");
  private static final Pattern OPS = Pattern.compile(": [A-Z_]+ ops=(\\d+) ");
  private static final Pattern FAULTS = Pattern.compile("fault schedule \\((\\d+) faults\\)");
  private static final Pattern SEEDS = Pattern.compile("seeds=(\\d+) passed=");

  @TempDir Path tmp;

  private record Outcome(int code, String out, String err) {}

  private static Outcome faultline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Faultline.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void brokenHistoriesAreCheckedOrRefusedInOneSentence(Format format) throws IOException {
    SplittableRandom random = new SplittableRandom(SEED + format.ordinal());
    Mutator mutator = new Mutator(random);
    Failures failures = new Failures("check");
    int accepted = 0;
    for (int i = 0; i < HISTORIES_PER_FORMAT; i++) {
      Input input = Inputs.history(format, random, i);
      boolean mutate = i % 20 != 0; // one in twenty stays whole: the oracle's own check
      List<String> log = new ArrayList<>();
      byte[] bytes = bytes(input);
      bytes = mutate ? mutator.mutate(bytes, log) : bytes;
      Path file = write(input.name(), bytes);
      Outcome o = faultline("check", "--time-limit", "10", file.toString());
      accepted += o.code() == 2 ? 0 : 1;
      String problem = contract(o);
      if (problem == null) {
        problem = kept(o, OPS, untouched(input, bytes, false), mutate ? -1 : input.total());
      }
      failures.note(problem, file, log, o);
    }
    failures.assertNone();
    assertTrue(accepted > 0, "some broken histories are still readable: " + accepted);
  }

  @Test
  void brokenSchedulesRunOrAreRefusedInOneSentence() throws IOException {
    runBroken(
        "schedule",
        7,
        Inputs::schedule,
        f ->
            new String[] {
              "run",
              "counter",
              "--seed",
              "1",
              "--set",
              "duration-ms=300",
              "--set",
              "liveness-ms=200",
              "--set",
              "max-down=5",
              "--schedule",
              f
            },
        FAULTS);
  }

  @Test
  void brokenCaseFilesReplayOrAreRefusedInOneSentence() throws IOException {
    runBroken("case", 11, Inputs::caseFile, f -> new String[] {"replay", f}, FAULTS);
  }

  @Test
  void brokenResultsFilesMergeOrAreRefusedInOneSentence() throws IOException {
    Path base = tmp.resolve("base.jsonl");
    Outcome sweep =
        faultline(
            "sweep",
            "counter",
            "--seeds",
            "1..6",
            "--set",
            "duration-ms=200",
            "--workers",
            "1",
            "--results",
            base.toString());
    assertEquals(0, sweep.code(), sweep.err());
    List<String> lines = Files.readAllLines(base, StandardCharsets.UTF_8);
    runBroken(
        "results",
        13,
        (r, i) -> {
          List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
          rows.removeIf(x -> r.nextInt(3) == 0);
          String text =
              lines.get(0) + "\n" + String.join("\n", rows) + (rows.isEmpty() ? "" : "\n");
          return new Input("r" + i + ".jsonl", text, rows);
        },
        f -> new String[] {"merge", f},
        SEEDS);
  }

  private interface Generator {
    Input make(SplittableRandom random, int index);
  }

  private void runBroken(
      String what, long salt, Generator make, Function<String, String[]> args, Pattern count)
      throws IOException {
    SplittableRandom random = new SplittableRandom(SEED + salt);
    Mutator mutator = new Mutator(random);
    Failures failures = new Failures(what);
    for (int i = 0; i < SCHEDULES; i++) {
      Input input = make.make(random, i);
      boolean mutate = i % 20 != 0;
      List<String> log = new ArrayList<>();
      byte[] bytes = bytes(input);
      bytes = mutate ? mutator.mutate(bytes, log) : bytes;
      Path file = write(input.name(), bytes);
      Outcome o = faultline(args.apply(file.toString()));
      String problem = contract(o);
      if (problem == null) {
        boolean results = count == SEEDS;
        problem = kept(o, count, untouched(input, bytes, results), mutate ? -1 : input.total());
      }
      failures.note(problem, file, log, o);
    }
    failures.assertNone();
  }

  /** What breaks the contract in {@code o}, or null. */
  private static String contract(Outcome o) {
    if (o.code() < 0 || o.code() > 3) {
      return "exit " + o.code();
    }
    if (STACK.matcher(o.err()).find()) {
      return "a stack trace or exception name on stderr";
    }
    if (o.code() == 2) {
      String first = o.err().lines().findFirst().orElse("");
      if (!first.startsWith("error: ") || !first.endsWith(".")) {
        return "a refusal that is not one sentence: " + first;
      }
    }
    return null;
  }

  /**
   * Whether an accepted run kept every untouched entry: the count it prints is at least their
   * number (a mutated line may become another well-formed entry, never fewer). A whole input must
   * give exactly its count.
   */
  private static String kept(Outcome o, Pattern count, int untouched, int exact) {
    if (o.code() == 2) {
      return null;
    }
    Matcher m = count.matcher(o.out());
    if (!m.find()) {
      return "accepted, but no count printed";
    }
    int n = Integer.parseInt(m.group(1));
    if (n < untouched) {
      return "accepted with "
          + n
          + " entries, but "
          + untouched
          + " well-formed ones were untouched";
    }
    if (exact >= 0 && n != exact) {
      return "a whole input gave " + n + " entries, not " + exact;
    }
    return null;
  }

  /**
   * How many of the input's entries survive as whole lines in the mutated bytes. A last line
   * without its newline is not counted for a results file: it is torn by definition.
   */
  private static int untouched(Input input, byte[] mutated, boolean tornTailDropped) {
    String text = new String(mutated, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (tornTailDropped && !text.endsWith("\n")) {
      lines.remove(lines.size() - 1);
    }
    Map<String, Integer> left = new TreeMap<>();
    input.entries().forEach(e -> left.merge(e, 1, Integer::sum));
    int n = 0;
    java.util.Set<String> seeds = new java.util.TreeSet<>();
    for (String l : lines) {
      Integer k = left.get(l);
      if (k != null && k > 0) {
        left.put(l, k - 1);
        n++;
        seeds.add(l.replaceAll("^\\{\"seed\":(\\d+),.*", "$1"));
      }
    }
    return tornTailDropped ? seeds.size() : n;
  }

  private static byte[] bytes(Input input) {
    return input.text().getBytes(StandardCharsets.UTF_8);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  /** The first few contract breaks, each saved with the command that replays it. */
  private static final class Failures {
    private final String what;
    private final List<String> found = new ArrayList<>();
    private int count;

    Failures(String what) {
      this.what = what;
    }

    void note(String problem, Path file, List<String> mutations, Outcome o) throws IOException {
      if (problem == null) {
        return;
      }
      count++;
      if (found.size() >= 5) {
        return;
      }
      Path dir = Path.of("target", "fuzz-failures");
      Files.createDirectories(dir);
      Path saved = dir.resolve(file.getFileName());
      Files.copy(file, saved, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      String err = o.err().lines().limit(6).reduce("", (a, b) -> a + "\n      " + b);
      found.add(
          problem
              + "\n    input: "
              + saved.toAbsolutePath()
              + " (mutations "
              + mutations
              + ")\n    exit "
              + o.code()
              + "; stderr:"
              + err);
    }

    void assertNone() {
      assertTrue(
          found.isEmpty(),
          count
              + " broken "
              + what
              + " input(s) broke the contract (seed "
              + SEED
              + "; rerun with -Dfaultline.fuzz.seed="
              + SEED
              + "):\n  "
              + String.join("\n  ", found));
    }
  }
}
