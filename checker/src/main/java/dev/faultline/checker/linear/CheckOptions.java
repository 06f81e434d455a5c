package dev.faultline.checker.linear;

import dev.faultline.checker.history.Rules;
import java.time.Duration;

/**
 * How a check runs.
 *
 * @param rules how completions are read (Jepsen's or Porcupine's conventions)
 * @param timeLimit the budget for the whole check, or null for none; when it runs out the verdict
 *     is UNKNOWN
 * @param maxMemoEntries the most search configurations remembered at once, or 0 to size it from the
 *     heap; when it is reached the verdict is UNKNOWN rather than an out-of-memory error
 * @param partition whether keys are checked one at a time (P-compositionality); when false, a
 *     history with keys is checked as one object holding every key
 */
public record CheckOptions(
    Rules rules, Duration timeLimit, long maxMemoEntries, boolean partition) {
  public CheckOptions {
    if (rules == null) {
      throw new IllegalArgumentException("the options need rules");
    }
    if (maxMemoEntries < 0) {
      throw new IllegalArgumentException("maxMemoEntries must not be negative");
    }
  }

  /** Jepsen's rules, no time limit, memory sized from the heap, keys checked one at a time. */
  public static CheckOptions defaults() {
    return new CheckOptions(Rules.JEPSEN, null, 0, true);
  }

  public CheckOptions withRules(Rules r) {
    return new CheckOptions(r, timeLimit, maxMemoEntries, partition);
  }

  public CheckOptions withTimeLimit(Duration limit) {
    return new CheckOptions(rules, limit, maxMemoEntries, partition);
  }

  public CheckOptions withMaxMemoEntries(long max) {
    return new CheckOptions(rules, timeLimit, max, partition);
  }

  public CheckOptions withPartition(boolean p) {
    return new CheckOptions(rules, timeLimit, maxMemoEntries, p);
  }
}
