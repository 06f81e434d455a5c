package dev.faultline.scenarios.raft;

import dev.faultline.models.raft.RaftNode;
import dev.faultline.sim.RandomStream;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.PartitionShape;
import dev.faultline.sim.fault.TimedFault;
import java.util.ArrayList;
import java.util.List;

/**
 * Jepsen's leader-targeted nemesis: at random times it crashes, isolates or pauses whichever node
 * leads the newest epoch, for a short while. Random faults seldom hit the leader at the moment that
 * matters; this one does, so elections with uncommitted entries, zombie leaders and quick restarts
 * are frequent. Its draws come from the seed's {@code leader-nemesis} stream, and every fault it
 * applies is recorded, so the printed schedule replays the run without it.
 */
final class LeaderNemesis {
  private final Simulation sim;
  private final List<String> servers;
  private final RandomStream random;
  private final long gapMicros;
  private final long durationMicros;
  private final long endMicros;
  private final List<TimedFault> applied = new ArrayList<>();

  LeaderNemesis(
      Simulation sim,
      List<String> servers,
      RandomStream random,
      long gapMicros,
      long durationMicros,
      long endMicros) {
    this.sim = sim;
    this.servers = servers;
    this.random = random;
    this.gapMicros = gapMicros;
    this.durationMicros = durationMicros;
    this.endMicros = endMicros;
  }

  /** The faults applied so far, in order. */
  List<TimedFault> applied() {
    return applied;
  }

  void start() {
    scheduleNext(sim.nowMicros());
  }

  private void scheduleNext(long from) {
    long at = from + 1 + exponential(gapMicros);
    if (at < endMicros) {
      sim.at(at, this::strike);
    }
  }

  private long exponential(long mean) {
    return (long) (-mean * StrictMath.log(1 - random.nextDouble()));
  }

  private void strike() {
    long now = sim.nowMicros();
    String leader = newestLeader();
    int kind = random.nextInt(3);
    long until = Math.min(endMicros, now + 1_000 + exponential(durationMicros));
    if (leader != null) {
      switch (kind) {
        case 0 -> episode(new Fault.Crash(leader), new Fault.Restart(leader), until);
        case 1 -> {
          List<String> rest = new ArrayList<>(servers);
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
    apply(begin);
    sim.at(until, () -> apply(end));
  }

  private void apply(Fault f) {
    applied.add(new TimedFault(sim.nowMicros(), f));
    sim.apply(f);
  }

  private String newestLeader() {
    String best = null;
    int bestEpoch = -1;
    for (int i = 0; i < servers.size(); i++) {
      if (sim.node(i) instanceof RaftNode n
          && n.isLeader()
          && !sim.isPaused(i)
          && n.epoch() > bestEpoch) {
        best = sim.nameOf(i);
        bestEpoch = n.epoch();
      }
    }
    return best;
  }
}
