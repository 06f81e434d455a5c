package dev.faultline.checker.history;

/**
 * A history that cannot be read or checked as given: a syntax error, a completion with no invoke,
 * an unknown function, a value of the wrong shape. The message is one sentence that names where,
 * such as {@code etcd_002.log:17: ...}; it is meant for the user, so no stack trace is needed.
 */
public final class HistoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HistoryException(String message) {
    super(message, null, false, false);
  }

  /** A problem at {@code where} (a file and line, or an entry number), stated as one sentence. */
  public static HistoryException at(String where, String problem) {
    return new HistoryException(where == null ? problem : where + ": " + problem);
  }
}
