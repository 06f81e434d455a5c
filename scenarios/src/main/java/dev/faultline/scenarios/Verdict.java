package dev.faultline.scenarios;

import java.util.List;

/**
 * The outcome of one check of a run.
 *
 * @param check the check's name, e.g. {@code linearizable}, {@code invariants}, {@code liveness}
 * @param status pass, fail or unknown
 * @param summary one line
 * @param details further lines naming the operations, records or events involved
 * @param evidence the checker's own result (a counterexample, a delivery report), or null; reports
 *     draw it
 */
public record Verdict(
    String check, Status status, String summary, List<String> details, Object evidence) {

  /** The outcome of a check. */
  public enum Status {
    PASS,
    FAIL,
    UNKNOWN
  }

  public Verdict {
    details = List.copyOf(details);
  }

  public static Verdict pass(String check, String summary) {
    return new Verdict(check, Status.PASS, summary, List.of(), null);
  }

  public static Verdict fail(String check, String summary, List<String> details) {
    return new Verdict(check, Status.FAIL, summary, details, null);
  }

  public static Verdict unknown(String check, String summary) {
    return new Verdict(check, Status.UNKNOWN, summary, List.of(), null);
  }

  public Verdict withEvidence(Object e) {
    return new Verdict(check, status, summary, details, e);
  }
}
