package dev.faultline.models.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The balance and churn figures of consistent hashing, beside mod-N hashing, for one key set.
 *
 * <p>The keys are {@code key-0 .. key-(keys-1)}. For each vnode count, {@code trials} independent
 * placements are measured and every figure is the mean over them: one placement with few tokens is
 * too noisy to show the trend. Trial {@code t} names its nodes {@link #nodeName(int, int)}, so
 * trial 0 is the plain ring {@code n0 .. n(nodes-1)} and later trials are salted copies of it. A
 * join adds node index {@code nodes}; a leave removes node index {@code nodes - 1}. A key has moved
 * when the node holding it differs before and after.
 *
 * <p>Mod-N hashing places a key on node {@code position mod n} (unsigned); it has no placement to
 * vary, so its row is one measurement.
 */
public final class RingStats {
  /** Bounds on the work one call may ask for; past them a run would take minutes or gigabytes. */
  public static final int MAX_KEYS = 10_000_000;

  public static final int MAX_TOKENS = 1_000_000;
  public static final int MAX_TRIALS = 1_000;

  private RingStats() {}

  /**
   * What to measure: {@code nodes >= 2} (a leave must leave someone), vnode counts >= 1, and, when
   * present, the epsilon of bounded loads.
   */
  public record Config(
      int nodes, List<Integer> vnodes, int keys, int trials, OptionalDouble epsilon) {
    public Config {
      vnodes = List.copyOf(vnodes);
      require(nodes >= 2, "nodes must be at least 2, got " + nodes);
      require(!vnodes.isEmpty(), "at least one vnode count is needed");
      require(keys >= 1 && keys <= MAX_KEYS, "keys must be in 1.." + MAX_KEYS + ", got " + keys);
      require(
          trials >= 1 && trials <= MAX_TRIALS,
          "trials must be in 1.." + MAX_TRIALS + ", got " + trials);
      for (int v : vnodes) {
        require(
            v >= 1 && (long) (nodes + 1) * v <= MAX_TOKENS,
            "vnodes must be at least 1 and give at most " + MAX_TOKENS + " tokens, got " + v);
      }
      if (epsilon.isPresent()
          && (!(epsilon.getAsDouble() >= 0) || Double.isInfinite(epsilon.getAsDouble()))) {
        throw new IllegalArgumentException("epsilon must be finite and >= 0");
      }
    }
  }

  /**
   * One scheme's figures, each a mean over trials. Loads count keys per node; {@code cv} is the
   * population standard deviation of the loads over their mean.
   */
  public record Row(
      String scheme,
      double minLoad,
      double meanLoad,
      double maxLoad,
      double cv,
      double maxOverMean,
      double joinMoved,
      double leaveMoved,
      Optional<Bounded> bounded) {}

  /**
   * The same rings under bounded loads: the room per node and the resulting figures. The rings
   * after a join or a leave get the room of their own node count, and every key is placed afresh.
   */
  public record Bounded(int capacity, double maxOverMean, double joinMoved, double leaveMoved) {}

  /** All rows: one per vnode count, in the order asked, then mod-N. */
  public record Report(Config config, List<Row> ring, Row modN) {}

  /** The name of node {@code i} in trial {@code t}: {@code n<i>}, salted as {@code n<i>/<t>}. */
  public static String nodeName(int i, int trial) {
    return trial == 0 ? "n" + i : "n" + i + "/" + trial;
  }

  public static Report compute(Config config) {
    KeySet keys = KeySet.generated(config.keys());
    List<Row> rows = new ArrayList<>();
    for (int v : config.vnodes()) {
      rows.add(ringRow(config, v, keys));
    }
    return new Report(config, List.copyOf(rows), modNRow(config.nodes(), keys.positions()));
  }

  /** Measures one vnode count over every trial. */
  private static Row ringRow(Config config, int vnodes, KeySet keys) {
    int n = config.nodes();
    Mean plain = new Mean();
    Mean bounded = new Mean();
    int capacity = 0;
    for (int t = 0; t < config.trials(); t++) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i <= n; i++) {
        names.add(nodeName(i, t));
      }
      Ring base = Ring.of(names.subList(0, n), vnodes);
      Ring join = base.withNode(names.get(n));
      Ring leave = base.withoutNode(names.get(n - 1));
      plain.add(sweepAll(n, names, keys.sorted(), base, join, leave));
      if (config.epsilon().isPresent()) {
        double e = config.epsilon().getAsDouble();
        int[] before = stable(base, names, boundedOwners(base, keys, e));
        capacity = BoundedLoads.capacity(keys.size(), n, e);
        bounded.add(
            new Trial(
                Loads.of(before, n),
                moved(before, stable(join, names, boundedOwners(join, keys, e))),
                moved(before, stable(leave, names, boundedOwners(leave, keys, e)))));
      }
    }
    Optional<Bounded> boundedFigures =
        config.epsilon().isPresent()
            ? Optional.of(
                new Bounded(capacity, bounded.maxOverMean(), bounded.join(), bounded.leave()))
            : Optional.empty();
    return plain.row("v=" + vnodes, boundedFigures);
  }

  /**
   * Bounded-load owners of the keys in key order. The first token of each key is found by one sweep
   * over the sorted keys, then the keys are placed in key order, which decides who gets the last
   * room.
   */
  private static int[] boundedOwners(Ring ring, KeySet keys, double epsilon) {
    Ring.Sweep sweep = ring.sweep();
    int[] tokenAtRank = new int[keys.size()];
    for (int r = 0; r < tokenAtRank.length; r++) {
      tokenAtRank[r] = sweep.tokenIndex(keys.sorted()[r]);
    }
    int[] startTokens = new int[keys.size()];
    for (int k = 0; k < startTokens.length; k++) {
      startTokens[k] = tokenAtRank[keys.rank()[k]];
    }
    return BoundedLoads.assignFromTokens(ring, startTokens, epsilon).owners();
  }

  private static Row modNRow(int n, long[] keys) {
    int[] before = new int[keys.length];
    int[] join = new int[keys.length];
    int[] leave = new int[keys.length];
    for (int k = 0; k < keys.length; k++) {
      before[k] = (int) Long.remainderUnsigned(keys[k], n);
      join[k] = (int) Long.remainderUnsigned(keys[k], n + 1);
      leave[k] = (int) Long.remainderUnsigned(keys[k], n - 1);
    }
    Mean mean = new Mean();
    mean.add(new Trial(Loads.of(before, n), moved(before, join), moved(before, leave)));
    return mean.row("mod-N", Optional.empty());
  }

  /**
   * One pass over the sorted keys with a cursor on each ring: the loads of {@code base} and the
   * fractions of keys whose node (by name) differs on {@code join} and on {@code leave}.
   */
  private static Trial sweepAll(
      int n, List<String> names, long[] sorted, Ring base, Ring join, Ring leave) {
    int[] baseId = stableIds(base, names);
    int[] joinId = stableIds(join, names);
    int[] leaveId = stableIds(leave, names);
    Ring.Sweep onBase = base.sweep();
    Ring.Sweep onJoin = join.sweep();
    Ring.Sweep onLeave = leave.sweep();
    int[] counts = new int[n];
    int joinMoved = 0;
    int leaveMoved = 0;
    for (long position : sorted) {
      int before = baseId[onBase.coordinatorIndex(position)];
      counts[before]++;
      if (joinId[onJoin.coordinatorIndex(position)] != before) {
        joinMoved++;
      }
      if (leaveId[onLeave.coordinatorIndex(position)] != before) {
        leaveMoved++;
      }
    }
    double keyCount = sorted.length;
    return new Trial(Loads.ofCounts(counts), joinMoved / keyCount, leaveMoved / keyCount);
  }

  /** For each node index of {@code ring} (name order), its index in {@code names}. */
  private static int[] stableIds(Ring ring, List<String> names) {
    int[] toStable = new int[ring.nodes().size()];
    for (int i = 0; i < names.size(); i++) {
      int r = ring.indexOf(names.get(i));
      if (r >= 0) {
        toStable[r] = i;
      }
    }
    return toStable;
  }

  /** Rewrites ring node indices as indices into {@code names}, which stay put across rings. */
  private static int[] stable(Ring ring, List<String> names, int[] ringIndices) {
    int[] toStable = stableIds(ring, names);
    int[] result = new int[ringIndices.length];
    for (int k = 0; k < ringIndices.length; k++) {
      result[k] = toStable[ringIndices[k]];
    }
    return result;
  }

  private static double moved(int[] before, int[] after) {
    int count = 0;
    for (int k = 0; k < before.length; k++) {
      if (before[k] != after[k]) {
        count++;
      }
    }
    return (double) count / before.length;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The figures of one placement. */
  private record Trial(Loads loads, double joinMoved, double leaveMoved) {}

  /** Running sums of one scheme's per-trial figures. */
  private static final class Mean {
    private int trials;
    private double min;
    private double mean;
    private double max;
    private double cv;
    private double maxOverMean;
    private double join;
    private double leave;

    void add(Trial trial) {
      Loads loads = trial.loads();
      trials++;
      min += loads.min();
      mean += loads.mean();
      max += loads.max();
      cv += loads.cv();
      maxOverMean += loads.max() / loads.mean();
      join += trial.joinMoved();
      leave += trial.leaveMoved();
    }

    double maxOverMean() {
      return maxOverMean / trials;
    }

    double join() {
      return join / trials;
    }

    double leave() {
      return leave / trials;
    }

    Row row(String scheme, Optional<Bounded> bounded) {
      return new Row(
          scheme,
          min / trials,
          mean / trials,
          max / trials,
          cv / trials,
          maxOverMean(),
          join(),
          leave(),
          bounded);
    }
  }
}
