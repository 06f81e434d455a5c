package dev.faultline.scenarios.cli;

/**
 * A mistake the user can fix: a bad flag, a malformed file, an unknown scenario. The command line
 * prints its message as one sentence (no stack trace) and exits with its code.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public UserError(String message) {
    this(message, ExitCodes.USAGE);
  }

  public UserError(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
