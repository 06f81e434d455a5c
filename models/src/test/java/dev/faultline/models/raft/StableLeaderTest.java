package dev.faultline.models.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.history.OpLog;
import dev.faultline.sim.net.LatencyModel;
import dev.faultline.sim.net.LatencySpec;
import dev.faultline.sim.net.NetworkConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With nothing failing, the first leader keeps its epoch for a whole minute, at any one-way latency
 * up to 100 ms, when the timeouts are at least ten round trips: a slow answer must never look like
 * a dead leader. The clients pause a second on average between operations, so the cluster is mostly
 * idle and fetches wait out their long poll.
 */
class StableLeaderTest {
  private static final long MINUTE_MICROS = 60_000_000;

  /**
   * Timeouts scaled to {@code roundTripMicros} (the longest round trip the latency allows); the
   * fetch wait stays at most the scenario's 150 ms, so at long round trips followers re-send
   * fetches before the answers come.
   */
  private static RaftConfig config(Timers timers, long roundTripMicros) {
    long t = 10 * roundTripMicros;
    return RaftConfig.builder(5)
        .timers(timers)
        .electionTimeout(t, 2 * t)
        .fetchTimeout(t)
        .fetchMaxWait(Math.min(150_000, t / 4))
        .heartbeatInterval(t / 2)
        .electionBackoffMax(t)
        .build();
  }

  /** Runs a minute; returns how many epochs passed after the first leader was elected. */
  private static int epochsAfterTheFirstLeader(Timers timers, String latency, long seed) {
    LatencyModel model = LatencySpec.parse(latency);
    long maxOneWay =
        model instanceof LatencyModel.Uniform u
            ? u.maxMicros()
            : ((LatencyModel.Fixed) model).micros();
    RaftConfig raft = config(timers, Math.max(1_000, 2 * maxOneWay));
    Simulation sim =
        new Simulation(SimConfig.of(seed).withNetwork(NetworkConfig.lan().withLatency(model)));
    for (int i = 1; i <= 5; i++) {
      sim.addNode("n" + i, () -> new RaftNode(raft));
    }
    ClientConfig client =
        new ClientConfig(5, 2, 1_000_000, 20 * maxOneWay + 20_000, 60_000_000, 0.4, 0.3);
    OpLog history = sim.history();
    for (int i = 1; i <= 2; i++) {
      sim.addNode("c" + i, () -> new KvClient(client, history));
    }
    sim.addInvariant(new SingleLeaderPerEpoch(5));
    sim.addInvariant(new LogMatching(5));
    int[] first = {-1};
    sim.runUntil(MINUTE_MICROS, () -> firstLeaderEpoch(sim, first) > 0);
    assertTrue(first[0] > 0, "a leader was elected");
    sim.runUntil(MINUTE_MICROS);
    int last = 0;
    for (int i = 0; i < 5; i++) {
      last = Math.max(last, ((RaftNode) sim.node(i)).epoch());
    }
    long ok = history.entries().stream().filter(e -> e.type() == OpLog.Type.OK).count();
    assertTrue(ok > 50, "clients were served (" + ok + " operations)");
    return last - first[0];
  }

  private static int firstLeaderEpoch(Simulation sim, int[] first) {
    for (int i = 0; i < 5; i++) {
      if (sim.node(i) instanceof RaftNode n && n.isLeader()) {
        first[0] = n.epoch();
      }
    }
    return first[0];
  }

  private static void assertStable(Timers timers) {
    for (String latency :
        List.of(
            "fixed:1ms",
            "uniform:5..10ms",
            "uniform:20..60ms",
            "uniform:50..100ms",
            "fixed:100ms")) {
      for (long seed = 1; seed <= 2; seed++) {
        int epochs = epochsAfterTheFirstLeader(timers, latency, seed);
        assertEquals(
            0,
            epochs,
            "timers="
                + timers.label()
                + " latency="
                + latency
                + " seed "
                + seed
                + ": the first leader lost its epoch");
      }
    }
  }

  @Test
  void underKraftTimersTheFirstLeaderKeepsItsEpochForAMinuteAtUpTo100msOneWay() {
    assertStable(Timers.KRAFT);
  }

  @Test
  void underRaftTimersTheFirstLeaderKeepsItsEpochForAMinuteAtUpTo100msOneWay() {
    assertStable(Timers.RAFT);
  }
}
