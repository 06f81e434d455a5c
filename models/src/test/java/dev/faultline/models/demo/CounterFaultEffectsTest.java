package dev.faultline.models.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.trace.TraceEvent;
import dev.faultline.sim.trace.TraceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per fault kind, each asserting what the fault does to the gossip counter. */
class CounterFaultEffectsTest {
  private static final long MS = 1_000;
  private static final long S = 1_000_000;

  private static Simulation cluster(int n, int syncEvery, SimConfig config, String schedule) {
    Simulation sim = new Simulation(config);
    CounterConfig cfg = new CounterConfig(n, 10 * MS, 50 * MS, syncEvery, Long.MAX_VALUE);
    for (int i = 1; i <= n; i++) {
      sim.addNode("n" + i, () -> new CounterNode(cfg));
    }
    sim.schedule(FaultSchedule.parse(schedule));
    return sim;
  }

  private static Simulation cluster(int n, String schedule) {
    return cluster(n, 1, SimConfig.of(11).withFullTrace(true), schedule);
  }

  private static CounterNode node(Simulation sim, String name) {
    return (CounterNode) sim.node(sim.idOf(name));
  }

  @Test
  void partitionedNodeMissesUpdatesAndCatchesUpAfterHeal() {
    Simulation sim = cluster(3, "1.000000s partition isolate n3|n1,n2\n3.000000s heal\n");
    sim.runUntil(3 * S - 1);
    long n1Own = node(sim, "n1").count(0);
    long n3ViewOfN1 = node(sim, "n3").count(0);
    long n2ViewOfN1 = node(sim, "n2").count(0);
    assertTrue(n1Own - n3ViewOfN1 >= 150, "the isolated node missed two seconds of n1's ticks");
    assertTrue(n1Own - n2ViewOfN1 < 20, "n2, on n1's side, kept up");
    sim.runUntil(3 * S + 200 * MS);
    assertTrue(node(sim, "n3").count(0) >= n1Own, "after the heal n3 caught up with n1");
  }

  @Test
  void oneWayPartitionStopsOnlyOneDirection() {
    Simulation sim = cluster(2, "1.000000s partition one-way n1->n2\n");
    sim.runUntil(3 * S);
    long n1Own = node(sim, "n1").count(0);
    long n2Own = node(sim, "n2").count(1);
    assertTrue(n1Own - node(sim, "n2").count(0) >= 150, "n2 no longer hears from n1");
    assertTrue(n2Own - node(sim, "n1").count(1) < 20, "n1 still hears from n2");
  }

  @Test
  void crashedNodeLosesWritesItDidNotSync() {
    // A lone node (no peer to gossip its count back) that syncs every 7th increment.
    Simulation sim = cluster(1, 7, SimConfig.of(3), "1.035000s crash n1\n1.035001s restart n1\n");
    sim.runUntil(1_034 * MS);
    long before = node(sim, "n1").count(0);
    assertTrue(before % 7 != 0, "the crash must strike between two syncs for this test");
    sim.runUntil(1_036 * MS);
    CounterNode restarted = node(sim, "n1");
    assertEquals(before - before % 7, restarted.recoveredOwn(), "only synced increments survived");
  }

  @Test
  void tornWriteKeepsAPrefixOfTheUnsyncedWrites() {
    boolean sawPartial = false;
    for (long seed = 1; seed <= 20; seed++) {
      Simulation sim =
          cluster(
              1,
              1000,
              SimConfig.of(seed).withTornWrites(true),
              "1.005000s crash n1\n1.005001s restart n1\n");
      sim.runUntil(1_004 * MS);
      long before = node(sim, "n1").count(0);
      sim.runUntil(1_006 * MS);
      long recovered = node(sim, "n1").recoveredOwn();
      assertTrue(recovered <= before, "a torn write never invents data");
      sawPartial |= recovered > 0 && recovered < before;
    }
    assertTrue(sawPartial, "some crash kept part of the unsynced writes");
  }

  @Test
  void pausedNodesTimersFireLateWhenItResumes() {
    Simulation sim = cluster(1, "1.000000s pause n1\n1.500000s resume n1\n");
    sim.runUntil(2 * S);
    List<Long> ticks = node(sim, "n1").tickTimesLocal();
    long before = ticks.stream().filter(t -> t <= S).reduce((a, b) -> b).orElseThrow();
    long after = ticks.stream().filter(t -> t > S).findFirst().orElseThrow();
    assertEquals(1_500 * MS, after, "the overdue tick fired the moment the node resumed");
    assertTrue(after - before >= 490 * MS, "no tick happened while paused");
  }

  @Test
  void pausedNodeReceivesItsHeldMessagesOnResume() {
    Simulation sim = cluster(2, "1.000000s pause n2\n1.500000s resume n2\n");
    sim.runUntil(1_499 * MS);
    long heldView = node(sim, "n2").count(0);
    sim.runUntil(1_500 * MS);
    assertTrue(node(sim, "n2").count(0) > heldView + 30, "held gossip arrived at once on resume");
  }

  @Test
  void skewedNodeTicksAtItsOwnPace() {
    Simulation sim = cluster(2, "0.000000s skew n2 +1000000us +100000ppm\n");
    sim.runUntil(10 * S);
    int normal = node(sim, "n1").tickTimesLocal().size();
    int fast = node(sim, "n2").tickTimesLocal().size();
    double ratio = (double) fast / normal;
    assertTrue(ratio > 1.09 && ratio < 1.11, "a clock 10% fast ticks 10% more often: " + ratio);
    assertTrue(sim.localTimeMicros(1) >= 12 * S - 2 * MS, "n2 reads 1 s ahead and gained 1 s");
  }

  @Test
  void duplicatedMessagesArriveTwiceAndGossipAbsorbsThem() {
    Simulation sim = cluster(2, "1.000000s duplicate 1.0\n2.000000s duplicate 0.0\n");
    sim.runUntil(3 * S);
    java.util.IdentityHashMap<Object, Integer> deliveries = new java.util.IdentityHashMap<>();
    for (TraceEvent e : sim.trace().events()) {
      if (e.kind() == TraceKind.DELIVER) {
        deliveries.merge(e.subject(), 1, Integer::sum);
      }
    }
    int duplicated = 0;
    for (TraceEvent e : sim.trace().events()) {
      if (e.kind() == TraceKind.SEND && e.timeMicros() < 2_500 * MS) {
        boolean inWindow = e.timeMicros() >= S && e.timeMicros() < 2 * S;
        assertEquals(inWindow ? 2 : 1, deliveries.get(e.subject()), "deliveries of " + e);
        duplicated += inWindow ? 1 : 0;
      }
    }
    assertTrue(duplicated >= 35, "every message of the second second was duplicated");
    assertTrue(node(sim, "n2").count(0) <= node(sim, "n1").count(0), "merging is idempotent");
  }

  @Test
  void lostMessagesNeverArrive() {
    Simulation sim = cluster(2, "1.000000s loss 1.0\n2.000000s loss 0.0\n");
    sim.runUntil(2 * S - 1);
    long n1Own = node(sim, "n1").count(0);
    assertTrue(n1Own - node(sim, "n2").count(0) >= 90, "n2 heard nothing for a second");
    assertTrue(sim.trace().count(TraceKind.DROP) >= 35, "the lost messages were dropped");
  }

  @Test
  void clogDelaysOneLink() {
    Simulation sim = cluster(2, "1.000000s clog n1->n2 300000us\n2.000000s unclog\n");
    sim.runUntil(3 * S);
    List<TraceEvent> events = sim.trace().events();
    long slowest = 0;
    for (TraceEvent e : events) {
      if (e.kind() == TraceKind.DELIVER
          && e.from() == 0
          && e.timeMicros() > 1_400 * MS
          && e.timeMicros() < 2 * S) {
        slowest = Math.max(slowest, latencyOf(events, e));
      }
    }
    assertTrue(slowest >= 300 * MS, "messages on the clogged link took 300 ms longer");
  }

  @Test
  void messagesToACrashedNodeAreDropped() {
    Simulation sim = cluster(2, "1.000000s crash n2\n");
    sim.runUntil(2 * S);
    long dropsToN2 =
        sim.trace().events().stream()
            .filter(e -> e.kind() == TraceKind.DROP && e.to() == 1 && e.timeMicros() > S)
            .count();
    assertTrue(dropsToN2 >= 15, "gossip to the crashed node was dropped");
    assertEquals(null, sim.node(1));
  }

  private static long latencyOf(List<TraceEvent> events, TraceEvent delivery) {
    // The matching send is the latest earlier SEND on the link with the same message object.
    for (int i = (int) delivery.index() - 1; i >= 0; i--) {
      TraceEvent e = events.get(i);
      if (e.kind() == TraceKind.SEND && e.subject() == delivery.subject()) {
        return delivery.timeMicros() - e.timeMicros();
      }
    }
    return 0;
  }
}
