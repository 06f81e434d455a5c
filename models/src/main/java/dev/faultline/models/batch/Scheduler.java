package dev.faultline.models.batch;

import dev.faultline.models.batch.BatchMessage.Heartbeat;
import dev.faultline.models.batch.BatchMessage.HeartbeatReply;
import dev.faultline.models.batch.BatchMessage.RunTask;
import dev.faultline.models.batch.BatchMessage.TaskDone;
import dev.faultline.models.batch.DagRun.Kind;
import dev.faultline.models.batch.DagRun.State;
import dev.faultline.sim.Disk;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The scheduler, with its metadata store on its own disk (every change synced before it acts, as
 * Airflow commits to its database): each loop it creates the DAG runs that are due, starts a
 * requested backfill, fails attempts whose heartbeats stopped, puts retries whose delay passed back
 * in line, and hands scheduled tasks to workers in turn.
 *
 * <p>Rules, after Airflow's documentation: a run for data interval [start, end) is created once
 * {@code end} has passed; with {@code catchup} every interval not yet run since the last one is
 * created, without it only the latest; a backfill creates runs over its range by its reprocess
 * behaviour, never beside a run still queued or running; an attempt that fails (or stops
 * heartbeating for {@code heartbeatTimeoutMicros}: a zombie) is up for retry after {@code
 * retryDelayMicros} (doubled per attempt with exponential backoff) while attempts remain, else
 * failed. A restarted scheduler recovers every run from its disk and gives running attempts a fresh
 * heartbeat deadline (it adopts them).
 */
public final class Scheduler implements Node {
  private record Tick() {}

  private final BatchConfig config;
  private final SortedMap<Long, DagRun> runs = new TreeMap<>();
  private final SortedMap<Long, Long> lastHeartbeat = new TreeMap<>();
  private NodeContext ctx;
  private int lastScheduled;
  private boolean backfillDone;
  private long dispatches;

  public Scheduler(BatchConfig config) {
    this.config = config;
  }

  @Override
  public void start(NodeContext c) {
    ctx = c;
    c.setRole("scheduler");
    Disk d = c.disk();
    Long count = d.get("runs");
    for (long id = 1; count != null && id <= count; id++) {
      DagRun r = d.get("run/" + id);
      runs.put(id, r);
      if (r.state() == State.RUNNING) {
        lastHeartbeat.put(id, c.nowMicros());
      }
    }
    Integer last = d.get("last-scheduled");
    lastScheduled = last == null ? 0 : last;
    backfillDone = d.get("backfill-done") != null;
    Long n = d.get("dispatches");
    dispatches = n == null ? 0 : n;
    c.setTimer(config.tickMicros(), new Tick());
  }

  @Override
  public void onTimer(NodeContext c, Object tag) {
    long now = c.nowMicros();
    scheduleDueRuns(now);
    if (config.backfill() && !backfillDone && now >= config.backfillAtMicros()) {
      backfill();
    }
    for (DagRun r : new ArrayList<>(runs.values())) {
      if (r.state() == State.RUNNING
          && now - lastHeartbeat.getOrDefault(r.id(), now) > config.heartbeatTimeoutMicros()) {
        failAttempt(r, now);
      } else if (r.state() == State.UP_FOR_RETRY && now >= r.retryAtMicros()) {
        save(r.with(State.SCHEDULED, r.attempt(), r.worker(), 0));
      }
    }
    for (DagRun r : new ArrayList<>(runs.values())) {
      if (r.state() == State.SCHEDULED) {
        dispatch(r, now);
      }
    }
    c.disk().sync();
    c.setTimer(config.tickMicros(), tag);
  }

  @Override
  public void onMessage(NodeContext c, int from, Message m) {
    if (m instanceof Heartbeat h) {
      DagRun r = runs.get(h.run());
      boolean current = r != null && r.state() == State.RUNNING && r.attempt() == h.attempt();
      if (current) {
        lastHeartbeat.put(r.id(), c.nowMicros());
      }
      c.send(from, new HeartbeatReply(h.run(), h.attempt(), current));
    } else if (m instanceof TaskDone t) {
      DagRun r = runs.get(t.run());
      if (r != null && r.state() == State.RUNNING && r.attempt() == t.attempt()) {
        if (t.success()) {
          save(r.with(State.SUCCESS, r.attempt(), r.worker(), 0));
        } else {
          failAttempt(r, c.nowMicros());
        }
        c.disk().sync();
      }
    }
  }

  /**
   * Creates the runs whose data interval has ended: all missed ones with catchup, else the last.
   */
  private void scheduleDueRuns(long now) {
    int due = (int) Math.min(config.intervals(), now / config.intervalMicros());
    if (due <= lastScheduled) {
      return;
    }
    int from = config.catchup() ? lastScheduled + 1 : due;
    for (int i = from; i <= due; i++) {
      create(i, Kind.SCHEDULED);
    }
    lastScheduled = due;
    ctx.disk().put("last-scheduled", due);
  }

  /** Creates the backfill's runs by its reprocess behaviour, skipping intervals still in flight. */
  private void backfill() {
    for (int i = config.backfillFrom(); i <= config.backfillTo(); i++) {
      DagRun latest = latest(i);
      boolean create;
      if (latest != null && !latest.finished()) {
        create = false;
      } else {
        create =
            switch (config.reprocess()) {
              case NONE -> latest == null;
              case FAILED -> latest == null || latest.state() == State.FAILED;
              case COMPLETED -> true;
            };
      }
      if (create) {
        create(i, Kind.BACKFILL);
      }
    }
    backfillDone = true;
    ctx.disk().put("backfill-done", Boolean.TRUE);
  }

  private void create(int interval, Kind kind) {
    long id = runs.size() + 1L;
    save(new DagRun(id, interval, kind, State.SCHEDULED, 0, "", 0));
    ctx.disk().put("runs", id);
  }

  private void dispatch(DagRun r, long now) {
    String worker = config.workers().get((int) (dispatches++ % config.workers().size()));
    ctx.disk().put("dispatches", dispatches);
    DagRun running = r.with(State.RUNNING, r.attempt() + 1, worker, 0);
    save(running);
    lastHeartbeat.put(r.id(), now);
    ctx.send(ctx.idOf(worker), new RunTask(r.id(), r.interval(), running.attempt()));
  }

  /** Airflow's handle_failure: up for retry while attempts remain, else failed. */
  private void failAttempt(DagRun r, long now) {
    lastHeartbeat.remove(r.id());
    if (r.attempt() <= config.retries()) {
      save(
          r.with(
              State.UP_FOR_RETRY,
              r.attempt(),
              r.worker(),
              now + config.retryDelayAfterMicros(r.attempt())));
    } else {
      save(r.with(State.FAILED, r.attempt(), r.worker(), 0));
    }
  }

  private DagRun latest(int interval) {
    DagRun latest = null;
    for (DagRun r : runs.values()) {
      if (r.interval() == interval) {
        latest = r;
      }
    }
    return latest;
  }

  private void save(DagRun r) {
    runs.put(r.id(), r);
    ctx.disk().put("run/" + r.id(), r);
  }

  /** Every run so far, in creation order. */
  public List<DagRun> runs() {
    return List.copyOf(runs.values());
  }

  /** Every run a scheduler's metadata store holds, in creation order: what survives its crash. */
  public static List<DagRun> runs(Disk disk) {
    List<DagRun> out = new ArrayList<>();
    Long count = disk.get("runs");
    for (long id = 1; count != null && id <= count; id++) {
      out.add(disk.get("run/" + id));
    }
    return out;
  }

  /** Whether every interval has had its scheduled run and the backfill, if any, was started. */
  public boolean scheduledEverything() {
    return lastScheduled >= config.intervals() && (!config.backfill() || backfillDone);
  }

  /** Whether every run created so far has finished. */
  public boolean allFinished() {
    return runs.values().stream().allMatch(DagRun::finished);
  }
}
