package dev.faultline.models.batch;

import java.util.List;

/**
 * The settings of the batch pipeline: a DAG of one task that processes one data interval, its
 * schedule and its retries (Airflow's names where Airflow has one), the input's shape and the
 * sink's write mode.
 *
 * @param intervals how many data intervals the schedule has (1..intervals), the first starting at
 *     time 0
 * @param intervalMicros the length of one data interval (Airflow's {@code @daily}, scaled down)
 * @param rowsPerInterval how many input rows each interval holds
 * @param lateMicros how long after its interval's end the last row of each interval arrives (0: on
 *     time)
 * @param waitForInput whether the task waits for its interval's completion marker before it reads
 *     (a sensor on the upstream's {@code _SUCCESS} marker)
 * @param pokeMicros how often a waiting task asks again (a sensor's {@code poke_interval})
 * @param catchup Airflow's {@code catchup}: after downtime, run every missed interval, not only the
 *     latest
 * @param backfillFrom the first interval of the explicit backfill, or 0 for none
 * @param backfillTo the last interval of the explicit backfill (inclusive)
 * @param reprocess which intervals of the range the backfill runs again
 * @param backfillAtMicros when (on the scheduler's clock) the backfill is requested
 * @param write how a task writes its output
 * @param retries Airflow's {@code retries}: attempts after the first before the task fails
 * @param retryDelayMicros Airflow's {@code retry_delay}
 * @param retryExponentialBackoff Airflow's {@code retry_exponential_backoff}: the delay doubles
 *     with each attempt (without Airflow's jitter)
 * @param maxRetryDelayMicros Airflow's {@code max_retry_delay}: the cap on a backed-off delay
 * @param heartbeatMicros how often a worker heartbeats each running task
 * @param heartbeatTimeoutMicros how long the scheduler waits for a heartbeat before it fails the
 *     attempt (Airflow's {@code task_instance_heartbeat_timeout}, formerly {@code
 *     scheduler_zombie_task_threshold})
 * @param tickMicros how often the scheduler loop runs
 * @param workMicros how long processing an interval takes
 * @param requestTimeoutMicros how long a task waits for the source or the sink before the attempt
 *     fails
 * @param scheduler the scheduler's node name
 * @param source the source store's node name
 * @param sink the sink store's node name
 * @param workers the workers' node names
 * @param bugReadByWallClock the bug flag {@code read-by-wall-clock}: the task reads the rows of the
 *     day before its worker's now instead of its data interval
 */
public record BatchConfig(
    int intervals,
    long intervalMicros,
    int rowsPerInterval,
    long lateMicros,
    boolean waitForInput,
    long pokeMicros,
    boolean catchup,
    int backfillFrom,
    int backfillTo,
    Reprocess reprocess,
    long backfillAtMicros,
    WriteMode write,
    int retries,
    long retryDelayMicros,
    boolean retryExponentialBackoff,
    long maxRetryDelayMicros,
    long heartbeatMicros,
    long heartbeatTimeoutMicros,
    long tickMicros,
    long workMicros,
    long requestTimeoutMicros,
    String scheduler,
    String source,
    String sink,
    List<String> workers,
    boolean bugReadByWallClock) {

  /** The delay before the attempt after attempt {@code attempt} (1-based). */
  public long retryDelayAfterMicros(int attempt) {
    if (!retryExponentialBackoff) {
      return retryDelayMicros;
    }
    long delay = retryDelayMicros << Math.min(30, attempt - 1);
    return Math.min(delay, maxRetryDelayMicros);
  }

  /** Row ids are {@code interval * ROW_ID_BASE + index}: the interval a row belongs to shows. */
  public static final long ROW_ID_BASE = 1000;

  public BatchConfig {
    workers = List.copyOf(workers);
    if (intervals < 1 || intervalMicros <= 0 || rowsPerInterval < 1) {
      throw new IllegalArgumentException("batch schedule knobs must be positive");
    }
    if (rowsPerInterval >= ROW_ID_BASE || workers.isEmpty()) {
      throw new IllegalArgumentException("too many rows per interval, or no worker");
    }
  }

  /** Whether the run has an explicit backfill. */
  public boolean backfill() {
    return backfillFrom > 0;
  }

  /** Where interval {@code i} (1-based) starts: its data interval is [start, start + length). */
  public long startMicros(int interval) {
    return (interval - 1) * intervalMicros;
  }

  /** Where interval {@code i} ends: the earliest the schedule runs it. */
  public long endMicros(int interval) {
    return interval * intervalMicros;
  }

  /** The id of row {@code index} of interval {@code interval}. */
  public static long rowId(int interval, int index) {
    return interval * ROW_ID_BASE + index;
  }

  /** The interval row {@code rowId} belongs to. */
  public static int intervalOf(long rowId) {
    return (int) (rowId / ROW_ID_BASE);
  }

  /** The event time of a row: rows spread evenly over their interval. */
  public long eventMicros(long rowId) {
    int interval = intervalOf(rowId);
    long index = rowId % ROW_ID_BASE;
    return startMicros(interval) + (2 * index + 1) * intervalMicros / (2L * rowsPerInterval);
  }

  /** When a row reaches the source: at its event time, or late for an interval's last row. */
  public long arrivalMicros(long rowId) {
    boolean last = rowId % ROW_ID_BASE == rowsPerInterval - 1;
    return last && lateMicros > 0 ? endMicros(intervalOf(rowId)) + lateMicros : eventMicros(rowId);
  }

  /** When an interval's input is complete: its last row arrived, and the marker is written. */
  public long completeMicros(int interval) {
    return arrivalMicros(rowId(interval, rowsPerInterval - 1));
  }
}
