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
 * A nemesis aimed at the moment after an election, the window where Raft's subtle mistakes live: a
 * leader cut off from the other voters as soon as it is elected keeps accepting client commands
 * that no one else stores (a "zombie"), and the next elections must then choose between logs that
 * end in different epochs (the Raft paper's figure 8); a voter that crashes and restarts while an
 * election runs must still remember its vote. Every {@code pollMicros} it looks for a new candidacy
 * and a new leader: with probability {@code rate} it crashes a voter other than the candidate for a
 * short while, and isolates the new leader from the other voters (clients still reach it) for a
 * random while. Draws come from the seed's {@code election-nemesis} stream; every fault is recorded
 * so the printed schedule replays the run.
 */
final class ElectionNemesis {
  private final Simulation sim;
  private final List<String> servers;
  private final RandomStream random;
  private final double rate;
  private final long durationMicros;
  private final long pollMicros;
  private final long endMicros;
  private final List<TimedFault> applied = new ArrayList<>();
  private int newestEpoch;
  private int newestCandidacy;
  private long busyUntil;

  ElectionNemesis(
      Simulation sim,
      List<String> servers,
      RandomStream random,
      double rate,
      long durationMicros,
      long pollMicros,
      long endMicros) {
    this.sim = sim;
    this.servers = servers;
    this.random = random;
    this.rate = rate;
    this.durationMicros = durationMicros;
    this.pollMicros = pollMicros;
    this.endMicros = endMicros;
  }

  List<TimedFault> applied() {
    return applied;
  }

  void start() {
    sim.at(pollMicros, this::poll);
  }

  private void poll() {
    long now = sim.nowMicros();
    int leader = -1;
    int epoch = newestEpoch;
    for (int i = 0; i < servers.size(); i++) {
      if (sim.node(i) instanceof RaftNode n && n.isLeader() && n.epoch() > epoch) {
        leader = i;
        epoch = n.epoch();
      }
    }
    int voter = campaignVoter();
    if (voter >= 0 && now >= busyUntil && random.chance(rate)) {
      // A voter that has just answered a candidate crashes and comes back soon, while the
      // election of that epoch may still be running.
      long until =
          Math.min(
              endMicros,
              now
                  + 1_000
                  + (long) (-durationMicros / 4.0 * StrictMath.log(1 - random.nextDouble())));
      String name = servers.get(voter);
      apply(new Fault.Crash(name));
      sim.at(until, () -> apply(new Fault.Restart(name)));
      busyUntil = until;
    }
    if (leader >= 0) {
      newestEpoch = epoch;
      if (now >= busyUntil && random.chance(rate)) {
        long until =
            Math.min(
                endMicros,
                now + 1_000 + (long) (-durationMicros * StrictMath.log(1 - random.nextDouble())));
        List<String> rest = new ArrayList<>(servers);
        rest.remove(servers.get(leader));
        apply(
            new Fault.Partition(
                PartitionShape.ISOLATE, List.of(List.of(servers.get(leader)), rest)));
        sim.at(until, () -> apply(new Fault.Heal()));
        busyUntil = until;
      }
    }
    if (now + pollMicros < endMicros) {
      sim.at(now + pollMicros, this::poll);
    }
  }

  /** A voter other than the candidate, when a candidacy of a new epoch has started; else -1. */
  private int campaignVoter() {
    int candidate = -1;
    for (int i = 0; i < servers.size(); i++) {
      if (sim.node(i) instanceof RaftNode n
          && n.role().equals("candidate")
          && n.epoch() > newestCandidacy) {
        newestCandidacy = n.epoch();
        candidate = i;
      }
    }
    if (candidate < 0) {
      return -1;
    }
    int v = random.nextInt(servers.size() - 1);
    return v >= candidate ? v + 1 : v;
  }

  private void apply(Fault f) {
    applied.add(new TimedFault(sim.nowMicros(), f));
    sim.apply(f);
  }
}
