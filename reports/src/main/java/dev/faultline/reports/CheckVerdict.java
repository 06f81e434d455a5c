package dev.faultline.reports;

import java.util.List;

/**
 * One check's outcome as a report shows it.
 *
 * @param check the check's name, e.g. {@code linearizable}
 * @param status {@code PASS}, {@code FAIL} or {@code UNKNOWN}
 * @param summary one line
 * @param details further lines naming operations, records or events
 * @param evidence the checker's result, drawn when the report knows it: a linearizability {@code
 *     CheckResult} or {@code Counterexample}, or a {@code DeliveryReport}; anything else, or null,
 *     is ignored
 */
public record CheckVerdict(
    String check, String status, String summary, List<String> details, Object evidence) {
  public CheckVerdict {
    details = List.copyOf(details);
  }
}
