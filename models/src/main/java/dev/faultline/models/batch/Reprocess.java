package dev.faultline.models.batch;

/**
 * Which intervals of its range a backfill runs again, as Airflow 3's backfill {@code
 * reprocess_behavior} decides; in every case an interval whose latest run is still queued or
 * running gets no new run.
 */
public enum Reprocess {
  /** Only intervals that have no run yet. */
  NONE("none"),
  /** Intervals with no run, or whose latest run failed. */
  FAILED("failed"),
  /** Every interval of the range, however its latest run ended. */
  COMPLETED("completed");

  private final String label;

  Reprocess(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Reprocess of(String label) {
    for (Reprocess r : values()) {
      if (r.label.equals(label)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no reprocess behaviour called " + label);
  }
}
