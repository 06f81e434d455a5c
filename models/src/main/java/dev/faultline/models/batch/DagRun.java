package dev.faultline.models.batch;

/**
 * A DAG run of the one-task DAG, as the scheduler keeps it in its metadata store: the data interval
 * it processes, why it exists, and its task instance's state and try number. Immutable: each change
 * is a new record, written to the scheduler's disk.
 *
 * @param id the run's number, in the order the scheduler created runs
 * @param interval the data interval it processes
 * @param kind scheduled (on time or caught up) or backfill
 * @param state its task instance's state
 * @param attempt the try number of the latest attempt (0 before the first)
 * @param worker the worker of the latest attempt, or empty
 * @param retryAtMicros when an up-for-retry task may run again (scheduler clock)
 */
public record DagRun(
    long id, int interval, Kind kind, State state, int attempt, String worker, long retryAtMicros) {

  /** Why a run exists (Airflow's run type). */
  public enum Kind {
    /** Created by the schedule: on time, or caught up after downtime. */
    SCHEDULED,
    /** Created by an explicit backfill. */
    BACKFILL
  }

  /** The task instance's state, with Airflow's names. */
  public enum State {
    SCHEDULED,
    RUNNING,
    UP_FOR_RETRY,
    SUCCESS,
    FAILED
  }

  /** Whether the run has ended, either way. */
  public boolean finished() {
    return state == State.SUCCESS || state == State.FAILED;
  }

  public DagRun with(State s, int tryNumber, String w, long retryAt) {
    return new DagRun(id, interval, kind, s, tryNumber, w, retryAt);
  }

  /** One line for anomaly details: {@code run 7 (backfill, success after 2 attempts)}. */
  public String describe() {
    return "run "
        + id
        + " ("
        + kind.name().toLowerCase(java.util.Locale.ROOT)
        + ", "
        + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
        + (attempt == 1 ? " after 1 attempt" : " after " + attempt + " attempts")
        + ")";
  }
}
