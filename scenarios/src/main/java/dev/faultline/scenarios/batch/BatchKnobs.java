package dev.faultline.scenarios.batch;

import dev.faultline.models.batch.BatchConfig;
import dev.faultline.models.batch.Reprocess;
import dev.faultline.models.batch.WriteMode;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import java.util.ArrayList;
import java.util.List;

/** The knobs of {@code batch-backfill}, their checks, and the configuration they make. */
final class BatchKnobs {
  static final String SCHEDULER = "scheduler";
  static final String SOURCE = "source";
  static final String SINK = "sink";

  static final List<String> FAULTS =
      List.of("none", "crash-during-write", "zombie-worker", "scheduler-downtime");

  private BatchKnobs() {}

  static List<Knob> knobs() {
    List<Knob> k = new ArrayList<>();
    k.add(Knob.integer("intervals", 8, 1, 200, "data intervals of the schedule (a day each)"));
    k.add(Knob.integer("interval-ms", 500, 10, 3_600_000, "length of one data interval"));
    k.add(Knob.integer("rows", 5, 1, 999, "input rows per interval"));
    k.add(Knob.integer("late-ms", 0, 0, 3_600_000, "each interval's last row arrives this late"));
    k.add(
        Knob.bool(
            "wait-for-input",
            true,
            "a task waits for its interval's completion marker before reading (a sensor)"));
    k.add(Knob.bool("catchup", true, "after downtime, run every missed interval (Airflow's)"));
    k.add(
        Knob.text(
            "backfill",
            "none",
            "an explicit backfill of intervals A..B, requested after the last interval ends"));
    k.add(
        Knob.choice(
            "reprocess-behavior",
            "completed",
            List.of("none", "failed", "completed"),
            "which intervals of the range the backfill runs again (Airflow 3's)"));
    k.add(
        Knob.choice(
            "write",
            "overwrite-partition",
            List.of("overwrite-partition", "append"),
            "replace the interval's partition atomically, or append rows"));
    k.add(Knob.integer("retries", 5, 0, 100, "attempts after the first (Airflow's retries)"));
    k.add(Knob.integer("retry-delay-ms", 200, 0, 3_600_000, "Airflow's retry_delay"));
    k.add(
        Knob.bool(
            "retry-exponential-backoff",
            true,
            "the retry delay doubles with each attempt (Airflow's retry_exponential_backoff)"));
    k.add(
        Knob.integer(
            "max-retry-delay-ms",
            2000,
            0,
            3_600_000,
            "cap on a backed-off delay (max_retry_delay)"));
    k.add(Knob.integer("workers", 2, 1, 16, "workers w1.. running task attempts"));
    k.add(Knob.integer("heartbeat-ms", 25, 1, 60_000, "a worker's heartbeat per running task"));
    k.add(
        Knob.integer(
            "heartbeat-timeout-ms",
            250,
            1,
            3_600_000,
            "no heartbeat for this long and the attempt is failed: a zombie"));
    k.add(Knob.integer("work-ms", 50, 0, 3_600_000, "how long processing one interval takes"));
    k.add(
        Knob.integer(
            "request-timeout-ms",
            200,
            1,
            3_600_000,
            "a task gives up on the source or sink after"));
    k.add(
        Knob.choice(
            "fault",
            "none",
            FAULTS,
            "a forced fault: crash a worker whose write is in flight, pause one mid-task past"
                + " its heartbeat timeout, or stop the scheduler for some intervals"));
    k.add(
        Knob.integer(
            "downtime-intervals", 3, 1, 100, "how many intervals fault=scheduler-downtime lasts"));
    k.add(
        Knob.choice(
            "bug",
            "none",
            List.of("none", "read-by-wall-clock"),
            "read-by-wall-clock: a task reads the day before its clock's now, not its interval"));
    k.add(Knob.integer("duration-ms", 5000, 100, 3_600_000, "length of the fault phase"));
    k.add(Knob.integer("liveness-ms", 5000, 100, 3_600_000, "time allowed after the heal"));
    k.addAll(FaultKnobs.knobs("all"));
    return k;
  }

  /** Refuses a malformed backfill range, and forced faults the other knobs leave no room for. */
  static void check(Knobs k) {
    backfillRange(k);
    String fault = k.get("fault");
    if (!fault.equals("none") && k.getInt("max-down") < 1) {
      throw new KnobException(
          "fault=" + fault + " takes one server down, but max-down is 0; set max-down=1 or more");
    }
    if (fault.equals("scheduler-downtime")) {
      long end = downtimeStartMicros(k) + k.getLong("downtime-intervals") * intervalMicros(k);
      if (end >= k.getLong("duration-ms") * 1000) {
        throw new KnobException(
            "fault=scheduler-downtime ends at "
                + end / 1000
                + " ms, after the fault phase (duration-ms="
                + k.get("duration-ms")
                + "); lower downtime-intervals or raise duration-ms");
      }
    }
  }

  /** The backfill's first and last interval, or {0, 0} for none; refuses a bad range. */
  static int[] backfillRange(Knobs k) {
    String v = k.get("backfill").strip();
    if (v.equals("none")) {
      return new int[] {0, 0};
    }
    int n = k.getInt("intervals");
    String[] parts = v.split("\\.\\.", -1);
    try {
      int a = Integer.parseInt(parts[0].strip());
      int b = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : a;
      if (parts.length <= 2 && a >= 1 && a <= b && b <= n) {
        return new int[] {a, b};
      }
    } catch (NumberFormatException e) {
      // falls through to the one sentence below
    }
    throw new KnobException(
        "backfill='"
            + v
            + "' is neither none nor a range A..B of intervals with 1 <= A <= B <= intervals="
            + n);
  }

  static long intervalMicros(Knobs k) {
    return k.getLong("interval-ms") * 1000;
  }

  /** The scheduler stops a quarter into the third interval (after two have run on time). */
  static long downtimeStartMicros(Knobs k) {
    return 2 * intervalMicros(k) + intervalMicros(k) / 4;
  }

  static List<String> workers(Knobs k) {
    List<String> w = new ArrayList<>();
    for (int i = 1; i <= k.getInt("workers"); i++) {
      w.add("w" + i);
    }
    return w;
  }

  static BatchConfig config(Knobs k) {
    int[] range = backfillRange(k);
    long interval = intervalMicros(k);
    return new BatchConfig(
        k.getInt("intervals"),
        interval,
        k.getInt("rows"),
        k.getLong("late-ms") * 1000,
        k.getBool("wait-for-input"),
        Math.max(1, k.getLong("heartbeat-ms") * 1000),
        k.getBool("catchup"),
        range[0],
        range[1],
        Reprocess.of(k.get("reprocess-behavior")),
        (k.getInt("intervals") + 1) * interval,
        WriteMode.of(k.get("write")),
        k.getInt("retries"),
        k.getLong("retry-delay-ms") * 1000,
        k.getBool("retry-exponential-backoff"),
        k.getLong("max-retry-delay-ms") * 1000,
        k.getLong("heartbeat-ms") * 1000,
        k.getLong("heartbeat-timeout-ms") * 1000,
        10_000,
        k.getLong("work-ms") * 1000,
        k.getLong("request-timeout-ms") * 1000,
        SCHEDULER,
        SOURCE,
        SINK,
        workers(k),
        k.get("bug").equals("read-by-wall-clock"));
  }
}
