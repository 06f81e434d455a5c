package dev.faultline.scenarios.report;

/** A report could not be written (a directory that is not writable, a full disk). */
public final class ReportException extends RuntimeException {
  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
