package dev.faultline.models.batch;

import dev.faultline.models.batch.BatchMessage.Heartbeat;
import dev.faultline.models.batch.BatchMessage.HeartbeatReply;
import dev.faultline.models.batch.BatchMessage.Input;
import dev.faultline.models.batch.BatchMessage.ReadInput;
import dev.faultline.models.batch.BatchMessage.RunTask;
import dev.faultline.models.batch.BatchMessage.TaskDone;
import dev.faultline.models.batch.BatchMessage.Write;
import dev.faultline.models.batch.BatchMessage.WriteAck;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A worker: runs the task attempts the scheduler hands it, each on its own (slots are not limited).
 * An attempt reads its data interval's input from the source (waiting for the interval's marker
 * when {@code waitForInput} is set), processes it for {@code workMicros}, writes the result to the
 * sink, and reports success once the sink acknowledged. A source or sink that does not answer
 * within {@code requestTimeoutMicros} fails the attempt. While attempts run, the worker heartbeats
 * each to the scheduler; an answer that the attempt is no longer current kills it. Nothing is kept
 * on disk: a crash ends every attempt, and the scheduler notices only by the missing heartbeats. A
 * paused worker sends nothing, but when it resumes its overdue timers fire in order, so an attempt
 * already failed by the scheduler may still write before the next heartbeat's answer kills it: the
 * zombie task.
 */
public final class Worker implements Node {
  private enum Phase {
    READ,
    PROCESS,
    WRITE
  }

  private static final class Attempt {
    final long run;
    final int interval;
    final int attempt;
    Phase phase = Phase.READ;
    long seq;
    long timer = -1;
    List<Long> rows = List.of();

    Attempt(long run, int interval, int attempt) {
      this.run = run;
      this.interval = interval;
      this.attempt = attempt;
    }
  }

  private record HeartbeatTick() {}

  private record Step(long run, int attempt, long seq) {}

  private record Timeout(long run, int attempt, long seq) {}

  private final BatchConfig config;
  private final SortedMap<Long, Attempt> running = new TreeMap<>();
  private NodeContext ctx;
  private long seq;

  public Worker(BatchConfig config) {
    this.config = config;
  }

  @Override
  public void start(NodeContext c) {
    ctx = c;
    c.setRole("worker");
    c.setTimer(config.heartbeatMicros(), new HeartbeatTick());
  }

  /** How many attempts this worker is writing now (sent to the sink, not yet acknowledged). */
  public int writesInFlight() {
    return (int) running.values().stream().filter(a -> a.phase == Phase.WRITE).count();
  }

  /** How many attempts this worker is processing now (input read, not yet written). */
  public int processing() {
    return (int) running.values().stream().filter(a -> a.phase == Phase.PROCESS).count();
  }

  @Override
  public void onMessage(NodeContext c, int from, Message m) {
    if (m instanceof RunTask t) {
      Attempt old = running.remove(t.run());
      if (old != null) {
        c.cancelTimer(old.timer);
      }
      Attempt a = new Attempt(t.run(), t.interval(), t.attempt());
      running.put(t.run(), a);
      read(a);
    } else if (m instanceof Input in) {
      Attempt a = current(in.run(), in.attempt());
      if (a != null && a.phase == Phase.READ && a.seq == in.seq()) {
        c.cancelTimer(a.timer);
        if (!in.complete() && config.waitForInput() && !config.bugReadByWallClock()) {
          a.timer = c.setTimer(config.pokeMicros(), new Step(a.run, a.attempt, a.seq));
        } else {
          a.rows = in.rows();
          a.phase = Phase.PROCESS;
          a.timer = c.setTimer(config.workMicros(), new Step(a.run, a.attempt, a.seq));
        }
      }
    } else if (m instanceof WriteAck ack) {
      Attempt a = current(ack.run(), ack.attempt());
      if (a != null && a.phase == Phase.WRITE) {
        finish(a, true);
      }
    } else if (m instanceof HeartbeatReply r && !r.keepRunning()) {
      Attempt a = current(r.run(), r.attempt());
      if (a != null) {
        c.cancelTimer(a.timer);
        running.remove(a.run);
      }
    }
  }

  @Override
  public void onTimer(NodeContext c, Object tag) {
    if (tag instanceof HeartbeatTick) {
      for (Attempt a : running.values()) {
        c.send(c.idOf(config.scheduler()), new Heartbeat(a.run, a.attempt));
      }
      c.setTimer(config.heartbeatMicros(), tag);
    } else if (tag instanceof Step s) {
      Attempt a = current(s.run(), s.attempt());
      if (a == null || a.seq != s.seq()) {
        return;
      }
      if (a.phase == Phase.READ) {
        read(a);
      } else if (a.phase == Phase.PROCESS) {
        a.phase = Phase.WRITE;
        a.seq = ++seq;
        c.send(c.idOf(config.sink()), new Write(a.run, a.attempt, a.interval, a.rows));
        a.timer = c.setTimer(config.requestTimeoutMicros(), new Timeout(a.run, a.attempt, a.seq));
      }
    } else if (tag instanceof Timeout t) {
      Attempt a = current(t.run(), t.attempt());
      if (a != null && a.seq == t.seq()) {
        finish(a, false);
      }
    }
  }

  /** Asks the source for the attempt's input: its data interval, or (the bug) yesterday by now. */
  private void read(Attempt a) {
    a.seq = ++seq;
    long from = config.startMicros(a.interval);
    long to = config.endMicros(a.interval);
    if (config.bugReadByWallClock()) {
      to = ctx.nowMicros();
      from = to - config.intervalMicros();
    }
    ctx.send(ctx.idOf(config.source()), new ReadInput(a.run, a.attempt, a.seq, from, to));
    a.timer = ctx.setTimer(config.requestTimeoutMicros(), new Timeout(a.run, a.attempt, a.seq));
  }

  private void finish(Attempt a, boolean success) {
    ctx.cancelTimer(a.timer);
    running.remove(a.run);
    ctx.send(ctx.idOf(config.scheduler()), new TaskDone(a.run, a.attempt, success));
  }

  private Attempt current(long run, int attempt) {
    Attempt a = running.get(run);
    return a != null && a.attempt == attempt ? a : null;
  }

  /** The attempts running now, as {@code run/attempt}, for reports and tests. */
  public List<String> runningAttempts() {
    List<String> out = new ArrayList<>();
    running.values().forEach(a -> out.add(a.run + "/" + a.attempt));
    return out;
  }
}
