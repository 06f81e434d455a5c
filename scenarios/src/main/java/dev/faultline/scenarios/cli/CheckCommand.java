package dev.faultline.scenarios.cli;

import dev.faultline.checker.delivery.JepsenKafkaShape;
import dev.faultline.checker.format.HistoryFile;
import dev.faultline.checker.format.HistoryFormat;
import dev.faultline.checker.format.ReadTimedOut;
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
import dev.faultline.scenarios.cli.check.DeliveryCheck;
import dev.faultline.scenarios.cli.check.HistoryInputs;
import dev.faultline.scenarios.cli.check.ScenarioModels;
import dev.faultline.scenarios.kafka.DeliveryJudge;
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
          + " files, Faultline JSON lines; see docs/check.md), or judge send/poll histories with"
          + " the delivery checks (--model delivery; docs/delivery.md).",
      "Prints 'FILE: LINEARIZABLE|NOT_LINEARIZABLE|UNKNOWN ops=N ms=T' per file. Exit codes: 0 all"
          + " linearizable, 1 any not, 3 any unknown, 2 bad input."
    })
public final class CheckCommand implements Callable<Integer> {
  /** The --model that asks for the delivery checks instead of linearizability. */
  private static final String DELIVERY = "delivery";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "M",
      description =
          "register, cas-register, kv, mutex, set, queue, a scenario's model, or delivery for"
              + " send/poll histories (default: from the file's faultline header, else the format,"
              + " else the smallest model that knows the history's functions).")
  String model;

  @Option(
      names = "--allow",
      paramLabel = "CLASSES",
      split = ",",
      description =
          "Delivery histories: anomaly classes that do not fail the check (lost, inconsistent,"
              + " duplicate, reorder; default: the file's header, else none).")
  List<String> allow;

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
    if (model != null && !model.equals(DELIVERY) && ScenarioModels.byName(model, null) == null) {
      throw new UserError(unknownModel(model));
    }
    Set<String> allowed = allowed();
    List<Path> inputs;
    try {
      inputs = HistoryInputs.expand(files);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), ExitCodes.USAGE);
    }
    Set<String> noted = new HashSet<>();
    boolean anyNot = false;
    boolean anyUnknown = false;
    // The first file's budget began when the command did (the user's stopwatch started then); each
    // later file's begins when it is opened.
    long budgetStart = CommandClock.startNanos();
    for (Path file : inputs) {
      long start = System.nanoTime();
      long deadline = deadline(Math.min(budgetStart, start));
      budgetStart = Long.MAX_VALUE;
      CheckResult r;
      try {
        HistoryFile h =
            deadline == Long.MAX_VALUE
                ? HistoryFile.read(file, forced)
                : HistoryFile.read(file, forced, deadline);
        if (isDelivery(h)) {
          DeliveryCheck.Outcome d = DeliveryCheck.check(h, allowed, explain, out, start);
          anyNot |= d.status() == dev.faultline.scenarios.Verdict.Status.FAIL;
          out.flush();
          continue;
        }
        List<String> note = new ArrayList<>(1);
        Model<?> m = chooseModel(h, initialValue, note, noted);
        CheckOptions options =
            CheckOptions.defaults()
                .withRules(forcedRules != null ? forcedRules : rulesOf(h))
                .withPartition(!noPartition)
                .withTimeLimit(remaining(deadline));
        r = Linearizability.check(h.ops(), m, options);
        note.forEach(err::println);
      } catch (HistoryException e) {
        out.flush();
        throw new UserError(e.getMessage(), ExitCodes.USAGE);
      } catch (ReadTimedOut e) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        out.println(file + ": UNKNOWN ops=? ms=" + ms);
        (explain ? out : err)
            .println(
                "  undecided: the time limit ran out while reading "
                    + e.where()
                    + ", before the check began (--time-limit "
                    + timeLimitSeconds
                    + " s).");
        out.flush();
        anyUnknown = true;
        continue;
      } catch (OutOfMemoryError e) {
        // Whatever the file held is garbage now that this frame is left: the next file has the
        // whole heap again. Undecided, not malformed: more memory may decide it.
        long ms = (System.nanoTime() - start) / 1_000_000;
        out.println(file + ": UNKNOWN ops=? ms=" + ms);
        out.flush();
        err.println("  undecided: " + OutOfMemory.sentence("reading and checking " + file));
        anyUnknown = true;
        continue;
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      // Concatenation, not printf: a first Formatter loads locale data, tens of milliseconds that
      // would come after a time limit ran out.
      out.println(file + ": " + r.verdict() + " ops=" + r.operations() + " ms=" + ms);
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

  /** Whether {@code h} is judged as a delivery history rather than for linearizability. */
  private boolean isDelivery(HistoryFile h) {
    if (model != null) {
      return model.equals(DELIVERY);
    }
    return h.header() != null ? h.header().delivery() : JepsenKafkaShape.isDelivery(h.ops());
  }

  /** The rules of the file's faultline header, else of its format. */
  private static Rules rulesOf(HistoryFile h) {
    return h.header() != null && h.header().rules() != null
        ? h.header().rules()
        : h.format().rules();
  }

  private Set<String> allowed() {
    if (allow == null) {
      return null;
    }
    Set<String> out = new TreeSet<>();
    for (String a : allow) {
      if (!DeliveryJudge.CLASSES.contains(a.strip())) {
        throw new UserError(
            "unknown --allow class '" + a + "'; use " + String.join(", ", DeliveryJudge.CLASSES));
      }
      out.add(a.strip());
    }
    return out;
  }

  private Model<?> chooseModel(
      HistoryFile h, Object initialValue, List<String> note, Set<String> noted) {
    if (model != null) {
      return ScenarioModels.byName(model, initialValue);
    }
    if (h.header() != null && h.header().model() != null) {
      Model<?> declared = ScenarioModels.byName(h.header().model(), initialValue);
      if (declared == null) {
        throw new UserError(
            h.name()
                + ": its header names the model '"
                + h.header().model()
                + "', which no scenario of the catalog declares (is its jar on --classpath?)",
            ExitCodes.USAGE);
      }
      if (noted.add(h.header().model() + "header")) {
        note.add(
            "note: "
                + h.name()
                + ": checked with the "
                + h.header().model()
                + " model under "
                + (rules != null ? rules : rulesOf(h).name().toLowerCase(Locale.ROOT))
                + " rules"
                + (rules != null
                    ? " (its faultline header names the model; --rules the rules)."
                    : ", as the run that wrote it was (its faultline header)."));
      }
      return declared;
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

  /**
   * The file's deadline on {@link System#nanoTime()}'s scale: the limit after {@code from}; {@link
   * Long#MAX_VALUE} for no limit.
   */
  private long deadline(long from) {
    if (timeLimitSeconds == 0) {
      return Long.MAX_VALUE;
    }
    double limitNanos = Math.min(timeLimitSeconds * 1e9, Long.MAX_VALUE / 4.0);
    return from + (long) limitNanos;
  }

  /** What is left of the file's budget once it has been read: the limit covers both. */
  private static Duration remaining(long deadline) {
    if (deadline == Long.MAX_VALUE) {
      return null;
    }
    return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
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
    Set<String> names = new LinkedHashSet<>(ScenarioModels.names());
    names.add(DELIVERY);
    return "unknown --model '" + name + "'; use one of " + String.join(", ", names) + ".";
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ");
  }
}
