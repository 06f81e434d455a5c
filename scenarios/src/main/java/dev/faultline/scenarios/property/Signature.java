package dev.faultline.scenarios.property;

import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import java.util.List;

/**
 * What a failure is, for shrinking to keep: the check that failed and the kinds of anomaly it found
 * ({@link Verdict#kinds()}). A case shrunk from a lost write must still lose a write, and lose
 * nothing else: it may not turn into duplicates, or into another check's failure alone.
 *
 * @param check the first failing check of the run
 * @param kinds its anomaly kinds, sorted
 */
public record Signature(String check, List<String> kinds) {
  public Signature {
    kinds = List.copyOf(kinds);
  }

  /** The signature of {@code r}'s first failing check, or null when no check failed. */
  public static Signature of(ScenarioResult r) {
    for (Verdict v : r.verdicts()) {
      if (v.status() == Verdict.Status.FAIL) {
        return new Signature(v.check(), v.kinds());
      }
    }
    return null;
  }

  /** Whether {@code r} fails this check with exactly these anomaly kinds. */
  public boolean matches(ScenarioResult r) {
    for (Verdict v : r.verdicts()) {
      if (v.status() == Verdict.Status.FAIL && v.check().equals(check)) {
        return v.kinds().equals(kinds);
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return check + " (" + String.join(", ", kinds) + ")";
  }
}
