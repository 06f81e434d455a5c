package dev.faultline.scenarios.cli;

import dev.faultline.models.ring.RingStats;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline ring-stats}: how evenly consistent hashing spreads keys for each number of
 * virtual nodes, and how many keys move when a node joins or leaves, beside mod-N hashing.
 */
@Command(
    name = "ring-stats",
    mixinStandardHelpOptions = true,
    description = {
      "Load balance and key movement of the consistent-hashing ring, beside mod-N hashing.",
      "Keys are key-0 .. key-(K-1); each figure is the mean over --trials placements."
    })
public final class RingStatsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--nodes", paramLabel = "N", description = "Physical nodes (default: 10).")
  int nodes = 10;

  @Option(
      names = "--vnodes",
      split = ",",
      paramLabel = "V",
      description = "Virtual nodes per physical node, comma-separated (default: 1,10,100,1000).")
  List<Integer> vnodes = List.of(1, 10, 100, 1000);

  @Option(names = "--keys", paramLabel = "K", description = "Keys placed (default: 100000).")
  int keys = 100_000;

  @Option(
      names = "--epsilon",
      paramLabel = "E",
      description = "Also place keys with bounded loads: room ceil((1+E)*K/N) per node.")
  Double epsilon;

  @Option(
      names = "--trials",
      paramLabel = "T",
      description = "Independent placements averaged per row (default: 100).")
  int trials = 100;

  @Override
  public Integer call() {
    RingStats.Config config = validated();
    RingStats.Report report = RingStats.compute(config);
    new RingStatsTable(report).print(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  private RingStats.Config validated() {
    if (nodes < 2) {
      throw new UserError(
          "--nodes must be at least 2 (a leave needs a node to remain), got " + nodes);
    }
    if (vnodes == null || vnodes.isEmpty()) {
      throw new UserError("--vnodes needs at least one count, such as 1,10,100");
    }
    for (Integer v : vnodes) {
      if (v == null || v < 1) {
        throw new UserError("--vnodes counts must be at least 1, got " + v);
      }
      if ((long) (nodes + 1) * v > RingStats.MAX_TOKENS) {
        throw new UserError(
            "--nodes "
                + nodes
                + " with --vnodes "
                + v
                + " needs more than "
                + RingStats.MAX_TOKENS
                + " tokens on one ring");
      }
    }
    if (keys < 1 || keys > RingStats.MAX_KEYS) {
      throw new UserError("--keys must be between 1 and " + RingStats.MAX_KEYS + ", got " + keys);
    }
    if (trials < 1 || trials > RingStats.MAX_TRIALS) {
      throw new UserError(
          "--trials must be between 1 and " + RingStats.MAX_TRIALS + ", got " + trials);
    }
    if (epsilon != null && (!(epsilon >= 0) || epsilon.isInfinite())) {
      throw new UserError("--epsilon must be a finite number at least 0, got " + epsilon);
    }
    return new RingStats.Config(
        nodes,
        vnodes,
        keys,
        trials,
        epsilon == null ? OptionalDouble.empty() : OptionalDouble.of(epsilon));
  }

  /** The report as an aligned text table, then what theory expects beside it. */
  record RingStatsTable(RingStats.Report report) {
    void print(PrintWriter out) {
      RingStats.Config c = report.config();
      int n = c.nodes();
      out.printf(
          Locale.ROOT,
          "ring-stats: %d nodes, %d keys (key-0 .. key-%d), each ring figure the mean of %d"
              + " placements%n",
          n,
          c.keys(),
          c.keys() - 1,
          c.trials());
      out.printf(
          Locale.ROOT,
          "placement: FNV-1a 64 + SplitMix64 finalizer; token i of node n3 hashes \"n3#i\";"
              + " placement t > 0 names nodes n<i>/<t>%n");
      out.printf(
          Locale.ROOT,
          "join adds n%d, leave removes n%d; moved = fraction of keys whose node changes%n",
          n,
          n - 1);
      c.epsilon().ifPresent(e -> printBoundedHeader(out, e));
      out.println();
      boolean bounded = c.epsilon().isPresent();
      String header =
          String.format(
              Locale.ROOT,
              "%-8s %9s %9s %9s %7s %9s %11s %12s",
              "scheme",
              "load min",
              "mean",
              "max",
              "CV",
              "max/mean",
              "join moved",
              "leave moved");
      if (bounded) {
        header +=
            String.format(
                Locale.ROOT,
                "  %16s %12s %13s",
                "bounded max/mean",
                "bounded join",
                "bounded leave");
      }
      out.println(header);
      for (RingStats.Row row : report.ring()) {
        out.println(line(row, bounded));
      }
      out.println(line(report.modN(), false));
      out.println();
      printExpected(out, n);
      out.flush();
    }

    private void printBoundedHeader(PrintWriter out, double e) {
      RingStats.Config c = report.config();
      int room = report.ring().get(0).bounded().orElseThrow().capacity();
      out.printf(
          Locale.ROOT,
          "bounded loads: epsilon %s, room ceil((1+%s)*%d/%d) = %d keys per node;"
              + " a key goes to the next node clockwise with room, keys placed in key order%n",
          e,
          e,
          c.keys(),
          c.nodes(),
          room);
    }

    private static String line(RingStats.Row row, boolean bounded) {
      String s =
          String.format(
              Locale.ROOT,
              "%-8s %9.1f %9.1f %9.1f %7.3f %9.3f %11.3f %12.3f",
              row.scheme(),
              row.minLoad(),
              row.meanLoad(),
              row.maxLoad(),
              row.cv(),
              row.maxOverMean(),
              row.joinMoved(),
              row.leaveMoved());
      if (bounded && row.bounded().isPresent()) {
        RingStats.Bounded b = row.bounded().get();
        s +=
            String.format(
                Locale.ROOT,
                "  %16.3f %12.3f %13.3f",
                b.maxOverMean(),
                b.joinMoved(),
                b.leaveMoved());
      }
      return s;
    }

    private void printExpected(PrintWriter out, int n) {
      String cvs =
          report.config().vnodes().stream()
              .map(v -> String.format(Locale.ROOT, "%.3f", 1 / Math.sqrt(v)))
              .collect(Collectors.joining(" "));
      out.printf(Locale.ROOT, "expected: CV about 1/sqrt(v) = %s%n", cvs);
      out.printf(
          Locale.ROOT,
          "          the ring moves 1/(n+1) = %.3f of the keys on a join and 1/n = %.3f on a leave;"
              + " mod-N moves n/(n+1) = %.3f and (n-1)/n = %.3f%n",
          1.0 / (n + 1),
          1.0 / n,
          (double) n / (n + 1),
          (n - 1.0) / n);
      report.ring().get(0).bounded().ifPresent(b -> printBoundedBound(out, b.capacity()));
    }

    private void printBoundedBound(PrintWriter out, int room) {
      RingStats.Config c = report.config();
      double mean = (double) c.keys() / c.nodes();
      out.printf(
          Locale.ROOT,
          "          bounded loads keep max/mean at or below room/mean = %.3f"
              + " (1+epsilon, rounded up to whole keys)%n",
          room / mean);
    }
  }
}
