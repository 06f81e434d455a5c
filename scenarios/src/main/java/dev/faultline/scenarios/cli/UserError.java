package dev.faultline.scenarios.cli;

/**
 * A mistake the user can fix: a bad flag, a malformed file, an unknown scenario. The command line
 * prints its message as one sentence (no stack trace) and exits with its code.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;
  private final boolean showUsage;

  /** A bad argument: the message, then the command's usage, exit code 2. */
  public UserError(String message) {
    this(message, ExitCodes.USAGE, true);
  }

  /** A bad input or another failure the user can fix: the message alone, with {@code exitCode}. */
  public UserError(String message, int exitCode) {
    this(message, exitCode, false);
  }

  private UserError(String message, int exitCode, boolean showUsage) {
    super(message, null, false, false);
    this.exitCode = exitCode;
    this.showUsage = showUsage;
  }

  /** Whether the command's usage should follow the message. */
  public boolean showUsage() {
    return showUsage;
  }

  public int exitCode() {
    return exitCode;
  }
}
