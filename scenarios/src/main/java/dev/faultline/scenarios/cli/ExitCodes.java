package dev.faultline.scenarios.cli;

/** The exit codes of every faultline command, documented in the README. */
public final class ExitCodes {
  /** Everything passed: all checks held, every history is linearizable. */
  public static final int OK = 0;

  /** A check failed: an anomaly, a broken invariant, a history that is not linearizable. */
  public static final int FAILED = 1;

  /** Bad arguments or bad input (unknown scenario, malformed history, unreadable file). */
  public static final int USAGE = 2;

  /** A check could not decide within its budget (and nothing failed). */
  public static final int UNKNOWN = 3;

  /** A bug of ours: an unexpected exception, printed with its stack trace. */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
