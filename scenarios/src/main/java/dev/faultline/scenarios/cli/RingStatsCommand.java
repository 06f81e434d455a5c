package dev.faultline.scenarios.cli;

import dev.faultline.models.ring.RingStats;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
      Optional<RingStats.Bounded> bounded = report.ring().get(0).bounded();
      out.printf(
          Locale.ROOT,
          "ring-stats: %d nodes, %d keys (key-0 .. key-%d); ring rows are means of %d placements%n",
          n,
          c.keys(),
          c.keys() - 1,
          c.trials());
      out.println("  placement: FNV-1a 64 then the SplitMix64 finalizer; token i of node n3");
      out.println("  hashes \"n3#i\"; placement t > 0 salts node names as n<i>/<t>");
      out.printf(
          Locale.ROOT,
          "  moved: the fraction of keys whose node changes when n%d joins or n%d leaves%n",
          n,
          n - 1);
      bounded.ifPresent(
          b ->
              out.printf(
                  Locale.ROOT,
                  "  bounded loads: room ceil((1+%s)*%d/%d) = %d keys per node; a key goes to%n"
                      + "  the next node clockwise with room, keys placed in key order%n",
                  c.epsilon().getAsDouble(),
                  c.keys(),
                  n,
                  b.capacity()));
      out.println();
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
      if (bounded.isPresent()) {
        header +=
            String.format(
                Locale.ROOT,
                "  %16s %12s %13s",
                "bounded max/mean",
                "bounded join",
                "bounded leave");
      }
      out.println(header);
      report.ring().forEach(row -> out.println(line(row)));
      out.println(line(report.modN()));
      out.println();
      printExpected(out, n, bounded);
      out.flush();
    }

    private static String line(RingStats.Row row) {
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
      if (row.bounded().isPresent()) {
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

    private void printExpected(PrintWriter out, int n, Optional<RingStats.Bounded> bounded) {
      String cvs =
          report.config().vnodes().stream()
              .map(v -> String.format(Locale.ROOT, "%.3f", 1 / Math.sqrt(v)))
              .collect(Collectors.joining(" "));
      out.printf(Locale.ROOT, "expected: CV about 1/sqrt(v) = %s%n", cvs);
      out.printf(
          Locale.ROOT,
          "          ring: a join moves 1/(n+1) = %.3f of the keys, a leave 1/n = %.3f%n",
          1.0 / (n + 1),
          1.0 / n);
      out.printf(
          Locale.ROOT,
          "          mod-N: a join moves n/(n+1) = %.3f, a leave (n-1)/n = %.3f%n",
          (double) n / (n + 1),
          (n - 1.0) / n);
      bounded.ifPresent(
          b ->
              out.printf(
                  Locale.ROOT,
                  "          bounded loads: max/mean at most room/mean = %.3f%n",
                  b.capacity() * n / (double) report.config().keys()));
    }
  }
}
