package dev.faultline.scenarios.sweep;

import dev.faultline.scenarios.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two sweeps of one scenario and knobs, compared seed by seed: which failures are new, which were
 * resolved, which still fail — by seed, and by failing check and anomaly kind. What a nightly sweep
 * needs to say since last night.
 *
 * <p>A seed "fails" when its status is FAIL; an UNKNOWN seed (a check undecided within its budget)
 * is neither failing nor passing and is listed apart. A seed's failure signature is the set of its
 * failing checks ({@code linearizable}, {@code delivery}, ...) and of the anomaly kinds its metrics
 * count ({@code anomaly.lost} above zero gives {@code anomaly:lost}).
 *
 * @param news seeds that pass in the old sweep and fail in the new, by seed
 * @param resolved seeds that fail in the old sweep and pass in the new
 * @param still seeds that fail in both
 * @param undecided seeds UNKNOWN in either sweep (and failing in neither)
 * @param onlyOld seeds the new sweep did not run
 * @param onlyNew seeds the old sweep did not run
 * @param bySignature one row per failing check or anomaly kind, in name order
 */
public record SweepDiff(
    SortedMap<Long, Change> news,
    SortedMap<Long, Change> resolved,
    SortedMap<Long, Change> still,
    SortedSet<Long> undecided,
    SortedSet<Long> onlyOld,
    SortedSet<Long> onlyNew,
    List<Row> bySignature) {

  /**
   * One seed in both sweeps.
   *
   * @param seed the seed
   * @param before its failure signature in the old sweep (empty when it passed)
   * @param after its failure signature in the new sweep
   * @param problem the new sweep's first failing check and summary (else the old's)
   * @param replay the command that replays it under the new sweep's build
   */
  public record Change(
      long seed,
      SortedSet<String> before,
      SortedSet<String> after,
      String problem,
      String replay) {}

  /**
   * One failing check or anomaly kind across both sweeps, over the seeds both ran.
   *
   * @param signature {@code linearizable}, {@code anomaly:lost}, ...
   * @param oldFailing seeds showing it in the old sweep
   * @param newFailing seeds showing it in the new sweep
   * @param appeared seeds showing it now and not before
   * @param disappeared seeds that showed it before and not now
   * @param kept seeds showing it in both
   */
  public record Row(
      String signature, int oldFailing, int newFailing, int appeared, int disappeared, int kept) {}

  /** Whether some seed fails now that passed before: a regression. */
  public boolean regressed() {
    return !news.isEmpty();
  }

  /** Compares {@code before} and {@code after}, outcomes by seed. */
  public static SweepDiff of(
      SortedMap<Long, SeedOutcome> before, SortedMap<Long, SeedOutcome> after) {
    SortedMap<Long, Change> news = new TreeMap<>();
    SortedMap<Long, Change> resolved = new TreeMap<>();
    SortedMap<Long, Change> still = new TreeMap<>();
    SortedSet<Long> undecided = new TreeSet<>();
    SortedSet<Long> onlyOld = new TreeSet<>(before.keySet());
    onlyOld.removeAll(after.keySet());
    SortedSet<Long> onlyNew = new TreeSet<>(after.keySet());
    onlyNew.removeAll(before.keySet());
    SortedMap<String, int[]> rows = new TreeMap<>();
    for (Map.Entry<Long, SeedOutcome> e : before.entrySet()) {
      SeedOutcome o = e.getValue();
      SeedOutcome n = after.get(e.getKey());
      if (n == null) {
        continue;
      }
      boolean failedBefore = o.status() == Verdict.Status.FAIL;
      boolean failsNow = n.status() == Verdict.Status.FAIL;
      SortedSet<String> was = failedBefore ? signature(o) : new TreeSet<>();
      SortedSet<String> is = failsNow ? signature(n) : new TreeSet<>();
      count(rows, was, is);
      Change c =
          new Change(
              e.getKey(), was, is, n.problem().isEmpty() ? o.problem() : n.problem(), n.replay());
      if (failedBefore && failsNow) {
        still.put(e.getKey(), c);
      } else if (failsNow) {
        news.put(e.getKey(), c);
      } else if (failedBefore) {
        resolved.put(e.getKey(), c);
      } else if (o.status() == Verdict.Status.UNKNOWN || n.status() == Verdict.Status.UNKNOWN) {
        undecided.add(e.getKey());
      }
    }
    List<Row> bySignature = new ArrayList<>();
    rows.forEach((k, v) -> bySignature.add(new Row(k, v[0], v[1], v[2], v[3], v[4])));
    return new SweepDiff(news, resolved, still, undecided, onlyOld, onlyNew, bySignature);
  }

  /** The failing checks of a failing seed, and the anomaly kinds its metrics count. */
  static SortedSet<String> signature(SeedOutcome o) {
    SortedSet<String> s = new TreeSet<>(o.failedChecks());
    for (Map.Entry<String, Double> m : o.metrics().entrySet()) {
      if (m.getKey().startsWith("anomaly.") && m.getValue() != null && m.getValue() > 0) {
        s.add("anomaly:" + m.getKey().substring("anomaly.".length()));
      }
    }
    return s;
  }

  private static void count(
      SortedMap<String, int[]> rows, SortedSet<String> was, SortedSet<String> is) {
    SortedSet<String> all = new TreeSet<>(was);
    all.addAll(is);
    for (String sig : all) {
      int[] r = rows.computeIfAbsent(sig, k -> new int[5]);
      boolean before = was.contains(sig);
      boolean now = is.contains(sig);
      r[0] += before ? 1 : 0;
      r[1] += now ? 1 : 0;
      r[2] += now && !before ? 1 : 0;
      r[3] += before && !now ? 1 : 0;
      r[4] += before && now ? 1 : 0;
    }
  }
}
