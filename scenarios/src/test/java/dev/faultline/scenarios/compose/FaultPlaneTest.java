package dev.faultline.scenarios.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.PartitionShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault plane: one place for every nemesis's faults, with max-down, composition and a log. */
class FaultPlaneTest {
  record Ping(long n) implements Message {}

  /** Pings every other node every 10 ms and counts the pings it receives. */
  static final class Counter implements Node {
    long received;

    @Override
    public void start(NodeContext ctx) {
      ctx.setTimer(10_000, "ping");
    }

    @Override
    public void onMessage(NodeContext ctx, int from, Message message) {
      received++;
    }

    @Override
    public void onTimer(NodeContext ctx, Object tag) {
      for (int to = 0; to < ctx.nodeCount(); to++) {
        if (to != ctx.self()) {
          ctx.send(to, new Ping(ctx.nowMicros()));
        }
      }
      ctx.setTimer(10_000, "ping");
    }
  }

  private static Simulation cluster(int n) {
    Simulation sim = new Simulation(SimConfig.of(1).withBounds(10_000_000, 1_000_000));
    for (int i = 1; i <= n; i++) {
      sim.addNode("n" + i, Counter::new);
    }
    return sim;
  }

  @Test
  void aCrashPastMaxDownIsRefusedWhicheverNemesisAsksForIt() {
    Simulation sim = cluster(3);
    FaultPlane plane = new FaultPlane(sim, List.of("n1", "n2", "n3"), 1);
    plane.at(1_000, new Fault.Crash("n1")); // one nemesis
    plane.at(2_000, new Fault.Pause("n2")); // another: refused, n1 is down
    plane.at(3_000, new Fault.Restart("n1"));
    plane.at(4_000, new Fault.Crash("n3")); // allowed again
    sim.runUntil(5_000);
    assertTrue(sim.isUp(sim.idOf("n1")));
    assertFalse(sim.isPaused(sim.idOf("n2")));
    assertFalse(sim.isUp(sim.idOf("n3")));
    assertEquals(1, plane.refused());
    assertEquals(
        "0.001000s crash n1\n0.003000s restart n1\n0.004000s crash n3",
        plane.applied().print().strip());
  }

  @Test
  void partitionsAddUpAndOnlyAHealClearsThem() {
    Simulation sim = cluster(3);
    FaultPlane plane = new FaultPlane(sim, List.of("n1", "n2", "n3"), 1);
    plane.at(
        1_000,
        new Fault.Partition(PartitionShape.ISOLATE, List.of(List.of("n1"), List.of("n2", "n3"))));
    plane.at(
        2_000,
        new Fault.Partition(PartitionShape.ISOLATE, List.of(List.of("n2"), List.of("n1", "n3"))));
    sim.runUntil(200_000);
    assertEquals(0, received(sim, "n1"), "the first cut still holds after the second");
    assertEquals(0, received(sim, "n2"));
    assertTrue(received(sim, "n3") == 0, "n3 is cut off from both");
    plane.at(300_000, new Fault.Heal());
    sim.runUntil(400_000);
    assertTrue(received(sim, "n1") > 0, "a heal clears every cut");
    assertTrue(received(sim, "n2") > 0);
  }

  @Test
  void faultsDueAfterThePlaneClosesAreDroppedAndNotRecorded() {
    Simulation sim = cluster(2);
    FaultPlane plane = new FaultPlane(sim, List.of("n1", "n2"), 2);
    plane.at(1_000, new Fault.Crash("n1"));
    plane.at(9_000, new Fault.Crash("n2"));
    sim.runUntil(5_000);
    plane.close();
    sim.runUntil(10_000);
    assertTrue(sim.isUp(sim.idOf("n2")));
    assertEquals(1, plane.applied().size());
  }

  private static long received(Simulation sim, String node) {
    return ((Counter) sim.node(sim.idOf(node))).received;
  }
}
