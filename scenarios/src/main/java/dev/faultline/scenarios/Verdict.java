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
 * @param anomalies the kinds of anomaly a failing check found, as data ({@code lost}, {@code
 *     duplicate}, an invariant's name), or empty when the check's name says it all; see {@link
 *     #kinds()}
 */
public record Verdict(
    String check,
    Status status,
    String summary,
    List<String> details,
    Object evidence,
    List<String> anomalies) {

  /** The outcome of a check. */
  public enum Status {
    PASS,
    FAIL,
    UNKNOWN
  }

  public Verdict {
    details = List.copyOf(details);
    anomalies = List.copyOf(anomalies);
  }

  /** A verdict whose check's name is its only anomaly kind. */
  public Verdict(
      String check, Status status, String summary, List<String> details, Object evidence) {
    this(check, status, summary, details, evidence, List.of());
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
    return new Verdict(check, status, summary, details, e, anomalies);
  }

  /** This verdict naming the kinds of anomaly it found, sorted. */
  public Verdict withAnomalies(java.util.Collection<String> kinds) {
    return new Verdict(
        check,
        status,
        summary,
        details,
        evidence,
        new java.util.TreeSet<>(kinds).stream().toList());
  }

  /**
   * What a failure is, for shrinking to keep: the anomaly kinds, or the check's name when it names
   * none. A lost write that shrinks into a duplicate is another failure.
   */
  public List<String> kinds() {
    return anomalies.isEmpty() ? List.of(check) : anomalies;
  }
}
