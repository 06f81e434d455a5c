package dev.faultline.models.batch;

import java.util.List;

/**
 * The messages of the batch pipeline: the scheduler and its workers (Airflow's executor and the
 * task's heartbeat), a task and the source store, a task and the sink store. A task instance is
 * named by its DAG run and its attempt (Airflow's {@code try_number}).
 */
public sealed interface BatchMessage extends dev.faultline.sim.Message {
  /** The scheduler hands a worker attempt {@code attempt} of run {@code run}'s task. */
  record RunTask(long run, int interval, int attempt) implements BatchMessage {}

  /** A worker's heartbeat for a task it is running. */
  record Heartbeat(long run, int attempt) implements BatchMessage {}

  /**
   * The scheduler's answer to a heartbeat: whether that attempt is still the one it runs (if not,
   * the worker kills it: its state was set from outside, as Airflow's task runner does).
   */
  record HeartbeatReply(long run, int attempt, boolean keepRunning) implements BatchMessage {}

  /** A worker reports how an attempt ended. */
  record TaskDone(long run, int attempt, boolean success) implements BatchMessage {}

  /** A task asks the source for the rows whose event time is in [from, to). */
  record ReadInput(long run, int attempt, long seq, long fromMicros, long toMicros)
      implements BatchMessage {}

  /**
   * The rows that had arrived, and whether the range was complete (its marker written) when the
   * source answered.
   */
  record Input(long run, int attempt, long seq, List<Long> rows, boolean complete)
      implements BatchMessage {
    public Input {
      rows = List.copyOf(rows);
    }
  }

  /** A task writes its output rows for {@code interval}. */
  record Write(long run, int attempt, int interval, List<Long> rows) implements BatchMessage {
    public Write {
      rows = List.copyOf(rows);
    }
  }

  /** The sink holds the write durably. */
  record WriteAck(long run, int attempt) implements BatchMessage {}
}
