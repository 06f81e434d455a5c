package dev.faultline.checker.linear;

/**
 * The outcome of a check.
 *
 * @param verdict linearizable, not, or unknown
 * @param operations how many operations the history holds (its invokes)
 * @param counterexample why it is not linearizable; null unless the verdict is NOT_LINEARIZABLE
 * @param reason why the verdict is UNKNOWN (time or memory ran out); null otherwise
 * @param configurations how many search configurations were explored
 */
public record CheckResult(
    Verdict verdict,
    int operations,
    Counterexample counterexample,
    String reason,
    long configurations) {}
