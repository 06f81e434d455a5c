package dev.faultline.scenarios.compare;

import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.sweep.SeedOutcome;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * The figures of one configuration over the compared seeds: how many runs failed, each failing
 * check's count, the failure rate with its 95% Wilson score interval, availability and latency.
 *
 * @param label the configuration
 * @param runs seeds run
 * @param failed seeds whose run failed some check
 * @param failedByCheck seeds failing each check, by check name
 * @param availability mean share of client operations that succeeded, or NaN without clients
 * @param latency latencies of successful client operations, in microseconds
 */
public record ComparisonRow(
    String label,
    int runs,
    int failed,
    SortedMap<String, Integer> failedByCheck,
    double availability,
    Histogram latency) {

  public static ComparisonRow of(
      String label, SortedMap<Long, SeedOutcome> outcomes, Histogram latency) {
    int failed = 0;
    SortedMap<String, Integer> byCheck = new TreeMap<>();
    double availabilitySum = 0;
    int withClients = 0;
    for (SeedOutcome o : outcomes.values()) {
      if (o.status() == Verdict.Status.FAIL) {
        failed++;
      }
      for (String check : o.failedChecks()) {
        byCheck.merge(check, 1, Integer::sum);
      }
      Double a = o.metrics().get("client.availability");
      if (a != null) {
        availabilitySum += a;
        withClients++;
      }
    }
    double availability = withClients == 0 ? Double.NaN : availabilitySum / withClients;
    return new ComparisonRow(label, outcomes.size(), failed, byCheck, availability, latency);
  }

  public double rate() {
    return runs == 0 ? 0 : (double) failed / runs;
  }

  /** The 95% Wilson score interval of the failure rate. */
  public double[] interval() {
    if (runs == 0) {
      return new double[] {0, 1};
    }
    ConfidenceInterval ci = new WilsonScoreInterval().createInterval(runs, failed, 0.95);
    return new double[] {ci.getLowerBound(), ci.getUpperBound()};
  }
}
