package dev.faultline.scenarios.cli;

import dev.faultline.checker.format.HistoryFile;
import dev.faultline.checker.format.HistoryFormat;
import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import dev.faultline.checker.history.Rules;
import dev.faultline.checker.linear.CheckOptions;
import dev.faultline.checker.linear.CheckResult;
import dev.faultline.checker.linear.Linearizability;
import dev.faultline.checker.linear.Model;
import dev.faultline.checker.linear.Models;
import dev.faultline.checker.linear.Verdict;
import dev.faultline.scenarios.cli.check.HistoryInputs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline check FILE...}: is each recorded history linearizable? Prints one line per file
 * and exits 0 when all are, 1 when any is not, 3 when any is undecided (and none is not), 2 on bad
 * input. See docs/check.md.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check whether recorded histories are linearizable (Jepsen EDN, Porcupine etcd logs and kv"
          + " files, Faultline JSON lines; see docs/check.md).",
      "Prints 'FILE: LINEARIZABLE|NOT_LINEARIZABLE|UNKNOWN ops=N ms=T' per file. Exit codes: 0 all"
          + " linearizable, 1 any not, 3 any unknown, 2 bad input."
    })
public final class CheckCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "M",
      description =
          "register, cas-register, kv, mutex, set or queue (default: from the format, else the"
              + " smallest model that knows the history's functions).")
  String model;

  @Option(
      names = "--initial",
      paramLabel = "V",
      description = "The initial value as EDN: 0, \"x\", [1 2] (default: nil, or \"\" for kv).")
  String initial;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Budget per file; UNKNOWN when it runs out; 0 for none (default: ${DEFAULT-VALUE}).")
  double timeLimitSeconds;

  @Option(
      names = "--format",
      paramLabel = "F",
      description = "edn, etcd, kv or jsonl (default: detected from the name and first line).")
  String format;

  @Option(
      names = "--rules",
      paramLabel = "R",
      description =
          "jepsen (as Knossos judges) or porcupine (as Porcupine's tests read its files);"
              + " default: from the format.")
  String rules;

  @Option(
      names = "--no-partition",
      description = "Check a history with keys as one object, not key by key.")
  boolean noPartition;

  @Option(names = "--explain", description = "Explain each violation: the counterexample in words.")
  boolean explain;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "History files or directories.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HistoryFormat forced = format == null ? null : parseFormat(format);
    Rules forcedRules = rules == null ? null : parseRules(rules);
    Object initialValue = parseInitial();
    if (timeLimitSeconds < 0 || Double.isNaN(timeLimitSeconds)) {
      throw new UserError("--time-limit must be 0 (none) or a positive number of seconds.");
    }
    if (model != null && Models.byName(model, null) == null) {
      throw new UserError(unknownModel(model));
    }
    List<Path> inputs;
    try {
      inputs = HistoryInputs.expand(files);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), ExitCodes.USAGE);
    }
    Set<String> noted = new HashSet<>();
    boolean anyNot = false;
    boolean anyUnknown = false;
    for (Path file : inputs) {
      long start = System.nanoTime();
      CheckResult r;
      try {
        HistoryFile h = HistoryFile.read(file, forced);
        List<String> note = new ArrayList<>(1);
        Model<?> m = chooseModel(h, initialValue, note, noted);
        CheckOptions options =
            CheckOptions.defaults()
                .withRules(forcedRules != null ? forcedRules : h.format().rules())
                .withPartition(!noPartition)
                .withTimeLimit(remaining(start));
        r = Linearizability.check(h.ops(), m, options);
        note.forEach(err::println);
      } catch (HistoryException e) {
        out.flush();
        throw new UserError(e.getMessage(), ExitCodes.USAGE);
      } catch (OutOfMemoryError e) {
        // Whatever the file held is garbage now that this frame is left: the next file has the
        // whole heap again. Undecided, not malformed: more memory may decide it.
        long ms = (System.nanoTime() - start) / 1_000_000;
        out.printf("%s: UNKNOWN ops=? ms=%d%n", file, ms);
        out.flush();
        err.println("  undecided: " + OutOfMemory.sentence("reading and checking " + file));
        anyUnknown = true;
        continue;
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      out.printf("%s: %s ops=%d ms=%d%n", file, r.verdict(), r.operations(), ms);
      if (r.verdict() == Verdict.NOT_LINEARIZABLE) {
        anyNot = true;
        if (explain) {
          out.println(indent(r.counterexample().explain()));
        }
      } else if (r.verdict() == Verdict.UNKNOWN) {
        anyUnknown = true;
        String limit =
            r.reason().startsWith("the time limit")
                ? " (--time-limit " + timeLimitSeconds + " s)"
                : "";
        (explain ? out : err).println("  undecided: " + r.reason() + limit + ".");
      }
      out.flush();
    }
    return anyNot ? ExitCodes.FAILED : anyUnknown ? ExitCodes.UNKNOWN : ExitCodes.OK;
  }

  private Model<?> chooseModel(
      HistoryFile h, Object initialValue, List<String> note, Set<String> noted) {
    if (model != null) {
      return Models.byName(model, initialValue);
    }
    String name = h.format().defaultModel();
    String why = "the default for " + describe(h.format());
    if (name == null) {
      Set<String> functions = functions(h);
      name = Models.infer(functions);
      if (name == null) {
        throw new UserError(
            h.name()
                + ": no model knows all of its functions ("
                + String.join(", ", functions)
                + "); name one with --model ("
                + String.join(", ", Models.NAMES)
                + ").",
            ExitCodes.USAGE);
      }
      why = "the smallest that knows its functions (" + String.join(", ", functions) + ")";
    }
    if (!functions(h).isEmpty() && noted.add(name + why)) {
      note.add(
          "note: "
              + h.name()
              + ": checked with the "
              + name
              + " model, "
              + why
              + "; --model names another.");
    }
    return Models.byName(name, initialValue);
  }

  /** What is left of the file's budget once it has been read: the limit covers both. */
  private Duration remaining(long startNanos) {
    if (timeLimitSeconds == 0) {
      return null;
    }
    long left = (long) (timeLimitSeconds * 1e9) - (System.nanoTime() - startNanos);
    return Duration.ofNanos(Math.max(1_000_000, left));
  }

  private static Set<String> functions(HistoryFile h) {
    Set<String> functions = new TreeSet<>();
    for (Op op : h.ops()) {
      if (op.type() == OpType.INVOKE) {
        functions.add(op.f());
      }
    }
    return functions;
  }

  private static String describe(HistoryFormat f) {
    return switch (f) {
      case ETCD -> "Porcupine's etcd logs";
      case KV -> "Porcupine's kv files";
      case EDN -> "Jepsen EDN";
      case JSONL -> "JSON lines";
    };
  }

  private Object parseInitial() {
    if (initial == null) {
      return null;
    }
    try {
      return HistoryFile.parseValue(initial);
    } catch (HistoryException e) {
      throw new UserError("--initial " + e.getMessage());
    }
  }

  private static HistoryFormat parseFormat(String name) {
    HistoryFormat f = HistoryFormat.byName(name);
    if (f == null) {
      throw new UserError("unknown --format '" + name + "'; use edn, etcd, kv or jsonl.");
    }
    return f;
  }

  private static Rules parseRules(String name) {
    try {
      return Rules.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserError("unknown --rules '" + name + "'; use jepsen or porcupine.");
    }
  }

  private static String unknownModel(String name) {
    return "unknown --model '"
        + name
        + "'; use one of "
        + String.join(", ", new LinkedHashSet<>(Models.NAMES))
        + ".";
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ");
  }
}
