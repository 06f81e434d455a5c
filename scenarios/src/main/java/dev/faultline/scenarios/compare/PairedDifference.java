package dev.faultline.scenarios.compare;

import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.sweep.SeedOutcome;
import java.util.Map;
import java.util.SortedMap;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * A configuration against the baseline (the first) on the seeds both ran with the identical fault
 * schedule: a paired comparison. Only discordant seeds, where one configuration failed and the
 * other did not, carry information about the difference.
 *
 * <p>The difference is this configuration's failure rate minus the baseline's over the paired
 * seeds. Its 95% interval is the Wald interval for paired proportions with the Agresti–Min
 * adjustment (half a seed added to each cell of the 2×2 table), which keeps its coverage near 95%
 * for small counts and never collapses to a point when no seed is discordant. The p-value is
 * McNemar's exact test: under the hypothesis of no difference, each discordant seed is a fair coin
 * between the two kinds, so the two-sided p-value is twice the binomial tail of the rarer kind,
 * capped at 1.
 *
 * @param label this configuration
 * @param baseline the first configuration
 * @param paired seeds run under both with the same fault schedule
 * @param onlyBaselineFailed discordant seeds where only the baseline failed
 * @param onlyThisFailed discordant seeds where only this configuration failed
 * @param difference this configuration's failure rate minus the baseline's, on the paired seeds
 * @param low lower bound of the 95% interval of the difference
 * @param high upper bound
 * @param pValue McNemar's exact two-sided p-value
 * @param unpaired seeds left out because their schedules differ between the two
 */
public record PairedDifference(
    String label,
    String baseline,
    int paired,
    int onlyBaselineFailed,
    int onlyThisFailed,
    double difference,
    double low,
    double high,
    double pValue,
    int unpaired) {

  private static final double Z95 = 1.959963984540054;

  /**
   * Pairs {@code these} with {@code base} seed by seed, keeping seeds whose schedules are equal in
   * both ({@code baseSchedules}, {@code theseSchedules}: the printed schedule of each seed).
   */
  public static PairedDifference of(
      String label,
      String baseline,
      SortedMap<Long, SeedOutcome> base,
      Map<Long, String> baseSchedules,
      SortedMap<Long, SeedOutcome> these,
      Map<Long, String> theseSchedules) {
    int paired = 0;
    int b = 0;
    int c = 0;
    int unpaired = 0;
    for (Map.Entry<Long, SeedOutcome> e : base.entrySet()) {
      SeedOutcome other = these.get(e.getKey());
      if (other == null) {
        continue;
      }
      String s1 = baseSchedules.get(e.getKey());
      if (s1 == null || !s1.equals(theseSchedules.get(e.getKey()))) {
        unpaired++;
        continue;
      }
      paired++;
      boolean f1 = e.getValue().status() == Verdict.Status.FAIL;
      boolean f2 = other.status() == Verdict.Status.FAIL;
      if (f1 && !f2) {
        b++;
      } else if (f2 && !f1) {
        c++;
      }
    }
    return of(label, baseline, paired, b, c, unpaired);
  }

  /** The figures from the counts of a paired 2×2 table. */
  public static PairedDifference of(
      String label, String baseline, int paired, int b, int c, int unpaired) {
    if (paired == 0) {
      return new PairedDifference(label, baseline, 0, 0, 0, 0, -1, 1, 1, unpaired);
    }
    double n = paired + 2.0;
    double bb = b + 0.5;
    double cc = c + 0.5;
    double d = (cc - bb) / n;
    double se = Math.sqrt(Math.max(0, (bb + cc) - (cc - bb) * (cc - bb) / n)) / n;
    double low = Math.max(-1, d - Z95 * se);
    double high = Math.min(1, d + Z95 * se);
    return new PairedDifference(
        label,
        baseline,
        paired,
        b,
        c,
        (double) (c - b) / paired,
        low,
        high,
        mcNemar(b, c),
        unpaired);
  }

  /** McNemar's exact two-sided p-value for {@code b} and {@code c} discordant pairs. */
  public static double mcNemar(int b, int c) {
    int n = b + c;
    if (n == 0) {
      return 1;
    }
    double tail = new BinomialDistribution(null, n, 0.5).cumulativeProbability(Math.min(b, c));
    return Math.min(1, 2 * tail);
  }
}
