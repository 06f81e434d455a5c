package dev.faultline.scenarios.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Well-formed inputs of every kind the command line reads, each with the entries it holds (one a
 * line), so that a test can tell whether an entry that survived a mutation untouched was kept.
 */
final class Inputs {
  /**
   * A file's name and text, its well-formed entries (lines an accepted file must keep), and how
   * many entries the whole file holds (some may not be lines of their own).
   */
  record Input(String name, String text, List<String> entries, int total) {
    Input(String name, String text, List<String> entries) {
      this(name, text, entries, entries.size());
    }
  }

  /** The history formats {@code faultline check} reads. */
  enum Format {
    EDN(".edn"),
    JSONL(".jsonl"),
    ETCD(".log"),
    KV(".txt");

    final String suffix;

    Format(String suffix) {
      this.suffix = suffix;
    }
  }

  private Inputs() {}

  /**
   * A short history of a register (or, for kv, a key-value store) by a few processes, each with at
   * most one operation pending: one entry a line, the invokes as its entries.
   */
  static Input history(Format format, SplittableRandom r, int index) {
    int processes = 2 + r.nextInt(3);
    String[] pending = new String[processes];
    List<String> lines = new ArrayList<>();
    List<String> invokes = new ArrayList<>();
    int steps = 4 + r.nextInt(16);
    for (int s = 0; s < steps; s++) {
      int p = r.nextInt(processes);
      if (format != Format.ETCD && format != Format.KV && r.nextInt(12) == 0) {
        lines.add(nemesis(format));
      }
      if (pending[p] == null) {
        String f = function(format, r);
        pending[p] = f;
        String line = entry(format, p, "invoke", f, invokeValue(format, f, r), s);
        lines.add(line);
        invokes.add(line);
      } else {
        String type = new String[] {"ok", "ok", "ok", "fail", "info"}[r.nextInt(5)];
        lines.add(entry(format, p, type, pending[p], resultValue(format, pending[p], r), s));
        pending[p] = null;
      }
    }
    int total = invokes.size();
    if (format == Format.EDN && r.nextBoolean() && !lines.isEmpty()) {
      lines.set(0, "[" + lines.get(0));
      lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "]");
      invokes.removeIf(l -> !lines.contains(l)); // the wrapped first and last lines changed
    }
    return new Input("h" + index + format.suffix, String.join("\n", lines) + "\n", invokes, total);
  }

  private static String function(Format format, SplittableRandom r) {
    return format == Format.KV
        ? new String[] {"get", "put", "append"}[r.nextInt(3)]
        : new String[] {"read", "write", "cas"}[r.nextInt(3)];
  }

  private static String invokeValue(Format format, String f, SplittableRandom r) {
    return switch (f) {
      case "read", "get" -> "nil";
      case "cas" ->
          format == Format.JSONL
              ? "[" + r.nextInt(5) + "," + r.nextInt(5) + "]"
              : "[" + r.nextInt(5) + " " + r.nextInt(5) + "]";
      case "put", "append" -> "\"x " + r.nextInt(10) + " y\"";
      default -> Integer.toString(r.nextInt(5));
    };
  }

  private static String resultValue(Format format, String f, SplittableRandom r) {
    if (f.equals("read")) {
      return r.nextInt(4) == 0 ? "nil" : Integer.toString(r.nextInt(5));
    }
    if (f.equals("get")) {
      return "\"x " + r.nextInt(10) + " y\"";
    }
    return invokeValue(format, f, r);
  }

  private static String entry(Format format, int p, String type, String f, String value, int t) {
    return switch (format) {
      case EDN, KV -> {
        String key = format == Format.KV ? ", :key \"" + (p % 2) + "\"" : "";
        String v =
            value.equals("nil") && format == Format.EDN && t % 3 == 0 ? "" : ", :value " + value;
        String map =
            String.format(
                Locale.ROOT,
                "{:process %d, :type :%s, :f :%s%s%s, :time %d}",
                p,
                type,
                f,
                key,
                v,
                t * 1000L);
        yield format == Format.EDN && t % 4 == 1 ? "#jepsen.history.Op" + map : map;
      }
      case JSONL -> {
        String v = value.equals("nil") ? "null" : value;
        yield String.format(
            Locale.ROOT,
            "{\"process\":%d,\"type\":\"%s\",\"f\":\"%s\",\"value\":%s,\"time\":%d}",
            p,
            type,
            f,
            v,
            t * 1000L);
      }
      case ETCD -> {
        String v = type.equals("info") ? ":timed-out" : value;
        yield "INFO  jepsen.util - " + p + "\t:" + type + "\t:" + f + "\t" + v;
      }
    };
  }

  private static String nemesis(Format format) {
    return format == Format.JSONL
        ? "{\"process\":\"nemesis\",\"type\":\"info\",\"f\":\"partition\",\"value\":\"majority\"}"
        : "{:process :nemesis, :type :info, :f :start, :value nil}";
  }

  /** A schedule of valid faults over n1..n5 within the first 0.3 s; every line an entry. */
  static Input schedule(SplittableRandom r, int index) {
    List<String> lines = faults(r);
    return new Input("s" + index + ".schedule", String.join("\n", lines) + "\n", lines);
  }

  /** A case file of the counter scenario; its schedule's lines are its entries. */
  static Input caseFile(SplittableRandom r, int index) {
    List<String> faults = faults(r);
    String text =
        "# a generated case\nscenario counter\nseed "
            + r.nextInt(1000)
            + "\nexpect PASS\nset duration-ms=300\nset liveness-ms=200\nset max-down=5\nschedule\n"
            + String.join("\n", faults)
            + "\n";
    return new Input("c" + index + ".case", text, faults);
  }

  private static List<String> faults(SplittableRandom r) {
    List<String> lines = new ArrayList<>();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      long at = r.nextLong(300_000);
      String node = "n" + (1 + r.nextInt(5));
      String fault =
          switch (r.nextInt(12)) {
            case 0 -> "crash " + node;
            case 1 -> "restart " + node;
            case 2 -> "pause " + node;
            case 3 -> "resume " + node;
            case 4 ->
                String.format(
                    Locale.ROOT,
                    "skew %s %+dus %+dppm",
                    node,
                    r.nextInt(-200_000, 200_000),
                    r.nextInt(-500, 500));
            case 5 -> "partition halves n1,n2|n3,n4,n5";
            case 6 -> "partition one-way " + node + "->n" + (node.equals("n1") ? 2 : 1);
            case 7 -> "partition ring n1,n2,n3,n4,n5";
            case 8 -> "heal";
            case 9 -> "loss 0." + r.nextInt(10);
            case 10 -> "jitter " + r.nextInt(10_000) + "us";
            default -> "clog n1->n2 " + r.nextInt(50_000) + "us";
          };
      lines.add(String.format(Locale.ROOT, "%d.%06ds %s", at / 1_000_000, at % 1_000_000, fault));
    }
    return lines;
  }
}
