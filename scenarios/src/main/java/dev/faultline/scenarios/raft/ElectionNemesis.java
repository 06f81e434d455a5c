package dev.faultline.scenarios.raft;

import dev.faultline.models.raft.RaftNode;
import dev.faultline.scenarios.compose.Nemesis;
import dev.faultline.scenarios.compose.NemesisContext;
import dev.faultline.sim.RandomStream;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.PartitionShape;
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
 * random while. Draws come from the seed's {@code election-nemesis} stream. Its crashes count
 * against {@code max-down}; its cut adds to any in force, and its heal clears every cut.
 */
final class ElectionNemesis implements Nemesis {
  private final double rate;
  private final long durationMicros;
  private final long pollMicros;
  private NemesisContext ctx;
  private int newestEpoch;
  private int newestCandidacy;
  private long busyUntil;

  ElectionNemesis(double rate, long durationMicros, long pollMicros) {
    this.rate = rate;
    this.durationMicros = durationMicros;
    this.pollMicros = pollMicros;
  }

  @Override
  public String name() {
    return "election-nemesis";
  }

  @Override
  public void start(NemesisContext context) {
    this.ctx = context;
    ctx.sim().at(pollMicros, this::poll);
  }

  private void poll() {
    Simulation sim = ctx.sim();
    List<String> servers = ctx.servers();
    RandomStream random = ctx.random();
    long endMicros = ctx.faultEndMicros();
    long now = sim.nowMicros();
    int leader = -1;
    int epoch = newestEpoch;
    for (int i = 0; i < servers.size(); i++) {
      if (sim.node(sim.idOf(servers.get(i))) instanceof RaftNode n
          && n.isLeader()
          && n.epoch() > epoch) {
        leader = i;
        epoch = n.epoch();
      }
    }
    int voter = campaignVoter();
    if (voter >= 0 && now >= busyUntil && random.chance(rate)) {
      // A voter that has just answered a candidate crashes and comes back soon, while the
      // election of that epoch may still be running.
      long until = Math.min(endMicros, now + 1_000 + ctx.exponential(durationMicros / 4));
      String name = servers.get(voter);
      ctx.plane().strike(new Fault.Crash(name));
      ctx.plane().at(until, new Fault.Restart(name));
      busyUntil = until;
    }
    if (leader >= 0) {
      newestEpoch = epoch;
      if (now >= busyUntil && random.chance(rate)) {
        long until = Math.min(endMicros, now + 1_000 + ctx.exponential(durationMicros));
        List<String> rest = new ArrayList<>(servers);
        rest.remove(servers.get(leader));
        ctx.plane()
            .strike(
                new Fault.Partition(
                    PartitionShape.ISOLATE, List.of(List.of(servers.get(leader)), rest)));
        ctx.plane().at(until, new Fault.Heal());
        busyUntil = until;
      }
    }
    if (now + pollMicros < endMicros) {
      sim.at(now + pollMicros, this::poll);
    }
  }

  /** A voter other than the candidate, when a candidacy of a new epoch has started; else -1. */
  private int campaignVoter() {
    Simulation sim = ctx.sim();
    List<String> servers = ctx.servers();
    int candidate = -1;
    for (int i = 0; i < servers.size(); i++) {
      if (sim.node(sim.idOf(servers.get(i))) instanceof RaftNode n
          && n.role().equals("candidate")
          && n.epoch() > newestCandidacy) {
        newestCandidacy = n.epoch();
        candidate = i;
      }
    }
    if (candidate < 0) {
      return -1;
    }
    int v = ctx.random().nextInt(servers.size() - 1);
    return v >= candidate ? v + 1 : v;
  }
}
