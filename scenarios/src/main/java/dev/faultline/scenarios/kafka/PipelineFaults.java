package dev.faultline.scenarios.kafka;

import dev.faultline.models.producer.PipelineConsumer;
import dev.faultline.scenarios.compose.FaultPlane;
import dev.faultline.scenarios.compose.Nemesis;
import dev.faultline.scenarios.compose.NemesisContext;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import java.util.List;

/**
 * The forced faults of {@code kafka-pipeline}, from {@code t0} on (drawn from the seed), each
 * through the run's fault plane:
 *
 * <ul>
 *   <li>{@code crash-between-process-and-commit}: {@code c1} is watched every millisecond and
 *       crashed the moment it stands between processing a batch and committing it (for
 *       commit=before-processing: committed, not yet processed); it restarts 0.3 s later as a new
 *       instance that joins the group again.
 *   <li>{@code zombie-consumer}: {@code c1} freezes in the middle of a batch for its session
 *       timeout and 0.2 s more; the group expires it and gives its partitions to others; it wakes,
 *       finishes the batch, and commits (or produces) with its old generation.
 *   <li>{@code rebalance-storm}: the other consumers crash and restart in turn, every 0.15 s for 1
 *       s: each departure and return is a rebalance.
 *   <li>{@code coordinator-crash}: the leader of the group's offsets partition crashes for 0.6 s;
 *       another broker loads the group from the log.
 * </ul>
 */
final class PipelineFaults implements Nemesis {
  static final long RESTART_MICROS = 300_000;
  static final long WATCH_MICROS = 1_000;
  static final long WATCH_UNTIL_MICROS = 1_500_000;
  static final long STORM_STEP_MICROS = 150_000;
  static final long STORM_MICROS = 1_000_000;
  static final long COORDINATOR_DOWN_MICROS = 600_000;

  private final String fault;
  private final long t0;
  private final long sessionMicros;
  private final int consumers;
  private final ControlPlane control;
  private final int groupPartition;
  private boolean struck;

  PipelineFaults(
      String fault,
      long t0,
      long sessionMicros,
      int consumers,
      ControlPlane control,
      int groupPartition) {
    this.fault = fault;
    this.t0 = t0;
    this.sessionMicros = sessionMicros;
    this.consumers = consumers;
    this.control = control;
    this.groupPartition = groupPartition;
  }

  @Override
  public String name() {
    return "kafka-pipeline-fault";
  }

  @Override
  public void start(NemesisContext ctx) {
    Simulation sim = ctx.sim();
    FaultPlane plane = ctx.plane();
    switch (fault) {
      case "crash-between-process-and-commit", "zombie-consumer" -> watch(ctx, t0);
      case "rebalance-storm" -> {
        long t = t0;
        for (int i = 0; t < t0 + STORM_MICROS; i++, t += STORM_STEP_MICROS) {
          String victim = "c" + (2 + i % Math.max(1, consumers - 1));
          if (consumers < 2) {
            victim = "c1";
          }
          plane.at(t, new Fault.Crash(victim));
          plane.at(t + STORM_STEP_MICROS / 2, new Fault.Restart(victim));
        }
      }
      case "coordinator-crash" ->
          sim.at(
              t0,
              () -> {
                int id = control.leaderOf(sim, groupPartition);
                List<String> brokers = ctx.servers();
                String coordinator = brokers.get(Math.max(0, id));
                plane.strike(new Fault.Crash(coordinator));
                plane.at(sim.nowMicros() + COORDINATOR_DOWN_MICROS, new Fault.Restart(coordinator));
              });
      default -> throw new IllegalArgumentException("not a kafka-pipeline fault: " + fault);
    }
  }

  /** Looks at c1 every millisecond until it stands where the fault strikes, then strikes once. */
  private void watch(NemesisContext ctx, long at) {
    Simulation sim = ctx.sim();
    if (struck || at > t0 + WATCH_UNTIL_MICROS || at >= ctx.faultEndMicros()) {
      return;
    }
    sim.at(
        at,
        () -> {
          PipelineConsumer c1 = (PipelineConsumer) sim.node(sim.idOf("c1"));
          boolean ready =
              fault.equals("zombie-consumer") ? c1.processing() : c1.betweenProcessAndCommit();
          if (!ready) {
            watch(ctx, sim.nowMicros() + WATCH_MICROS);
            return;
          }
          struck = true;
          FaultPlane plane = ctx.plane();
          if (fault.equals("zombie-consumer")) {
            plane.strike(new Fault.Pause("c1"));
            plane.at(sim.nowMicros() + sessionMicros + 200_000, new Fault.Resume("c1"));
          } else {
            plane.strike(new Fault.Crash("c1"));
            plane.at(sim.nowMicros() + RESTART_MICROS, new Fault.Restart("c1"));
          }
        });
  }
}
