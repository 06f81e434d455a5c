package dev.faultline.scenarios.batch;

import dev.faultline.models.batch.Worker;
import dev.faultline.scenarios.compose.Nemesis;
import dev.faultline.scenarios.compose.NemesisContext;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The forced faults of {@code batch-backfill}, through the run's fault plane like every nemesis's:
 *
 * <ul>
 *   <li>{@code crash-during-write}: from a time drawn in the first half of the schedule, watches
 *       the workers and crashes the first one found with a write in flight (sent to the sink, not
 *       yet acknowledged); it restarts after {@link #CRASH_MICROS}. The write still lands, the
 *       scheduler sees the heartbeats stop and retries the task: a second write of the same
 *       interval.
 *   <li>{@code zombie-worker}: likewise pauses the first worker found processing an interval, for
 *       twice the heartbeat timeout plus the retry delay: the scheduler fails the silent attempt
 *       and retries it elsewhere, and the paused worker, once resumed, finishes its write before it
 *       learns it was failed.
 *   <li>{@code scheduler-downtime}: crashes the scheduler a quarter into the third interval and
 *       restarts it {@code downtime-intervals} intervals later: the intervals that ended meanwhile
 *       are caught up, or (with {@code catchup=false}) only the latest is run.
 * </ul>
 */
final class BatchFaults implements Nemesis {
  /** How long a crashed worker stays down. */
  static final long CRASH_MICROS = 300_000;

  /** How often the nemesis looks at the workers while it waits for its moment. */
  static final long WATCH_MICROS = 1_000;

  private final String fault;
  private final List<String> workers;
  private final long intervalMicros;
  private final int intervals;
  private final long downtimeStartMicros;
  private final long downtimeMicros;
  private final long zombieMicros;
  private NemesisContext ctx;

  BatchFaults(
      String fault,
      List<String> workers,
      long intervalMicros,
      int intervals,
      long downtimeStartMicros,
      long downtimeMicros,
      long zombieMicros) {
    this.fault = fault;
    this.workers = List.copyOf(workers);
    this.intervalMicros = intervalMicros;
    this.intervals = intervals;
    this.downtimeStartMicros = downtimeStartMicros;
    this.downtimeMicros = downtimeMicros;
    this.zombieMicros = zombieMicros;
  }

  @Override
  public String name() {
    return "batch-fault";
  }

  @Override
  public void start(NemesisContext context) {
    ctx = context;
    Simulation sim = ctx.sim();
    long firstHalf = Math.max(1, intervals * intervalMicros / 2);
    long t0 = intervalMicros + ctx.random().nextLong(0, firstHalf);
    switch (fault) {
      case "crash-during-write" -> sim.at(t0, () -> watch(Worker::writesInFlight, true));
      case "zombie-worker" -> sim.at(t0, () -> watch(Worker::processing, false));
      case "scheduler-downtime" -> {
        ctx.plane().at(downtimeStartMicros, new Fault.Crash(BatchKnobs.SCHEDULER));
        ctx.plane()
            .at(downtimeStartMicros + downtimeMicros, new Fault.Restart(BatchKnobs.SCHEDULER));
      }
      default -> throw new IllegalArgumentException("not a forced fault: " + fault);
    }
  }

  /** Strikes the first live worker for which {@code busy} is positive, else looks again soon. */
  private void watch(ToIntFunction<Worker> busy, boolean crash) {
    Simulation sim = ctx.sim();
    long now = sim.nowMicros();
    long episode = crash ? CRASH_MICROS : zombieMicros;
    if (now + episode >= ctx.faultEndMicros()) {
      return;
    }
    for (String w : workers) {
      int id = sim.idOf(w);
      if (sim.isUp(id)
          && !sim.isPaused(id)
          && sim.node(id) instanceof Worker worker
          && busy.applyAsInt(worker) > 0) {
        if (crash) {
          ctx.plane().strike(new Fault.Crash(w));
          ctx.plane().at(now + 1 + episode, new Fault.Restart(w));
        } else {
          ctx.plane().strike(new Fault.Pause(w));
          ctx.plane().at(now + 1 + episode, new Fault.Resume(w));
        }
        return;
      }
    }
    sim.at(now + WATCH_MICROS, () -> watch(busy, crash));
  }
}
