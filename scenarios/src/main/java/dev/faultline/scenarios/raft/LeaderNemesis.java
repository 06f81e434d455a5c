package dev.faultline.scenarios.raft;

import dev.faultline.models.raft.RaftNode;
import dev.faultline.scenarios.compose.Nemesis;
import dev.faultline.scenarios.compose.NemesisContext;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.PartitionShape;
import java.util.ArrayList;
import java.util.List;

/**
 * Jepsen's leader-targeted nemesis: at exponentially spaced times (mean {@code
 * leader-fault-gap-ms}) it crashes, isolates from the other voters, or pauses whichever node leads
 * the newest epoch, for an exponentially drawn while (mean {@code leader-fault-duration-ms}).
 * Random faults seldom hit the leader at the moment that matters; this one does, so elections with
 * uncommitted entries, zombie leaders and quick restarts are frequent. Its crashes and pauses count
 * against {@code max-down}; its isolation adds to any cut in force, and its heal clears every cut.
 */
final class LeaderNemesis implements Nemesis {
  private final long gapMicros;
  private final long durationMicros;
  private NemesisContext ctx;

  LeaderNemesis(long gapMicros, long durationMicros) {
    this.gapMicros = gapMicros;
    this.durationMicros = durationMicros;
  }

  @Override
  public String name() {
    return "leader-nemesis";
  }

  @Override
  public void start(NemesisContext context) {
    this.ctx = context;
    scheduleNext(ctx.sim().nowMicros());
  }

  private void scheduleNext(long from) {
    long at = from + 1 + ctx.exponential(gapMicros);
    if (at < ctx.faultEndMicros()) {
      ctx.sim().at(at, this::strike);
    }
  }

  private void strike() {
    Simulation sim = ctx.sim();
    long now = sim.nowMicros();
    String leader = newestLeader();
    int kind = ctx.random().nextInt(3);
    long until = Math.min(ctx.faultEndMicros(), now + 1_000 + ctx.exponential(durationMicros));
    if (leader != null) {
      switch (kind) {
        case 0 -> episode(new Fault.Crash(leader), new Fault.Restart(leader), until);
        case 1 -> {
          List<String> rest = new ArrayList<>(ctx.servers());
          rest.remove(leader);
          episode(
              new Fault.Partition(PartitionShape.ISOLATE, List.of(List.of(leader), rest)),
              new Fault.Heal(),
              until);
        }
        default -> episode(new Fault.Pause(leader), new Fault.Resume(leader), until);
      }
    }
    scheduleNext(now);
  }

  private void episode(Fault begin, Fault end, long until) {
    ctx.plane().strike(begin);
    ctx.plane().at(until, end);
  }

  private String newestLeader() {
    Simulation sim = ctx.sim();
    String best = null;
    int bestEpoch = -1;
    for (String s : ctx.servers()) {
      int i = sim.idOf(s);
      if (sim.node(i) instanceof RaftNode n
          && n.isLeader()
          && !sim.isPaused(i)
          && n.epoch() > bestEpoch) {
        best = s;
        bestEpoch = n.epoch();
      }
    }
    return best;
  }
}
