package dev.faultline.models.batch;

/** How a task writes its interval's output into the sink. */
public enum WriteMode {
  /**
   * Replaces the interval's partition with the task's rows in one atomic write (Hive's {@code
   * INSERT OVERWRITE ... PARTITION}): running the task again leaves the same partition.
   */
  OVERWRITE_PARTITION("overwrite-partition"),
  /** Appends the task's rows to the interval's partition: every re-run or retry adds a copy. */
  APPEND("append");

  private final String label;

  WriteMode(String label) {
    this.label = label;
  }

  /** The name on the command line. */
  public String label() {
    return label;
  }

  /** The mode called {@code label} on the command line. */
  public static WriteMode of(String label) {
    for (WriteMode m : values()) {
      if (m.label.equals(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no write mode called " + label);
  }
}
