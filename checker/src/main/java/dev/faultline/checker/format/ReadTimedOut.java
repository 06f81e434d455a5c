package dev.faultline.checker.format;

/**
 * Thrown by {@link HistoryFile#read(java.nio.file.Path, HistoryFormat, long)} when the deadline
 * passes before the file is read: the check is then undecided (UNKNOWN), not failed and not
 * malformed. Stackless: it is control flow, not an error.
 */
public final class ReadTimedOut extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String where;

  ReadTimedOut(String where) {
    super("the time limit ran out while reading " + where, null, false, false);
    this.where = where;
  }

  /** The file and line reached, or the file alone when its bytes were still being read. */
  public String where() {
    return where;
  }
}
