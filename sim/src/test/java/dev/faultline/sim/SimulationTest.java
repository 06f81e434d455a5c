package dev.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.net.LatencyModel;
import dev.faultline.sim.net.NetworkConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
  record Seq(int n) implements Message {}

  /** Node 0 sends 1..count to node 1 at start; node 1 records the order it receives them. */
  static final class Sender implements Node {
    final List<Integer> received = new ArrayList<>();
    final List<Object> timers = new ArrayList<>();

    @Override
    public void start(NodeContext ctx) {
      if (ctx.self() == 0) {
        for (int i = 1; i <= 200; i++) {
          ctx.send(1, new Seq(i));
        }
        long cancelled = ctx.setTimer(5_000, "cancelled");
        ctx.setTimer(10_000, "kept");
        ctx.cancelTimer(cancelled);
      }
    }

    @Override
    public void onMessage(NodeContext ctx, int from, Message m) {
      received.add(((Seq) m).n());
    }

    @Override
    public void onTimer(NodeContext ctx, Object tag) {
      timers.add(tag);
    }
  }

  private static Simulation pair(NetworkConfig net) {
    Simulation sim = new Simulation(SimConfig.of(5).withNetwork(net));
    sim.addNode("a", Sender::new);
    sim.addNode("b", Sender::new);
    return sim;
  }

  @Test
  void fifoLinksDeliverInSendOrderAndJitterReorders() {
    Simulation fifo = pair(NetworkConfig.lan());
    fifo.runUntil(1_000_000);
    List<Integer> got = ((Sender) fifo.node(1)).received;
    assertEquals(200, got.size());
    assertEquals(got.stream().sorted().toList(), got);

    Simulation jittery = pair(NetworkConfig.lan().withJitterMicros(5_000));
    jittery.runUntil(1_000_000);
    List<Integer> shuffled = ((Sender) jittery.node(1)).received;
    assertEquals(200, shuffled.size());
    assertTrue(!shuffled.equals(shuffled.stream().sorted().toList()), "jitter reorders");
  }

  @Test
  void cancelledTimersNeverFire() {
    Simulation sim = pair(NetworkConfig.lan());
    sim.runUntil(1_000_000);
    assertEquals(List.of("kept"), ((Sender) sim.node(0)).timers);
  }

  @Test
  void aCrashCancelsTimersAndARestartBuildsAFreshNode() {
    Simulation sim = pair(NetworkConfig.lan());
    sim.schedule(FaultSchedule.parse("0.000001s crash a\n0.5s restart a\n"));
    sim.runUntil(400_000);
    assertNull(sim.node(0));
    sim.runUntil(1_000_000);
    Sender fresh = (Sender) sim.node(0);
    assertEquals(List.of("kept"), fresh.timers, "only the new incarnation's timer fired");
  }

  @Test
  void runningPastTheTimeBoundFailsNamingTheSeed() {
    Simulation sim = new Simulation(SimConfig.of(99).withBounds(1_000, 1_000_000));
    SimulationException e = assertThrows(SimulationException.class, () -> sim.runUntil(2_000));
    assertTrue(e.getMessage().contains("seed 99"), e.getMessage());
  }

  @Test
  void exceedingTheEventBoundFailsNamingTheSeed() {
    Simulation sim =
        new Simulation(
            SimConfig.of(77).withBounds(10_000_000, 50).withNetwork(NetworkConfig.lan()));
    sim.addNode("a", Sender::new);
    sim.addNode("b", Sender::new);
    SimulationException e = assertThrows(SimulationException.class, () -> sim.runUntil(1_000_000));
    assertTrue(e.getMessage().contains("more than 50 events"), e.getMessage());
    assertEquals(77, e.seed());
  }

  @Test
  void aBrokenInvariantStopsTheRunAndNamesIt() {
    Simulation sim = pair(NetworkConfig.lan());
    sim.addInvariant(
        new Invariant() {
          @Override
          public String name() {
            return "FewerThanTenDeliveries";
          }

          @Override
          public String check(Simulation s) {
            Sender b = (Sender) s.node(1);
            return b != null && b.received.size() >= 10 ? "b received ten" : null;
          }
        });
    InvariantViolation v = assertThrows(InvariantViolation.class, () -> sim.runUntil(1_000_000));
    assertEquals("FewerThanTenDeliveries", v.invariant());
    assertTrue(v.getMessage().contains("seed 5") && v.getMessage().contains("event"));
  }

  @Test
  void aScheduleNamingAnUnknownNodeIsRejectedBeforeTheRun() {
    Simulation sim = pair(NetworkConfig.lan());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> sim.schedule(FaultSchedule.parse("1s crash zz\n")));
    assertTrue(e.getMessage().contains("'zz'"), e.getMessage());
  }

  @Test
  void perLinkLatencyOverridesTheDefault() {
    Simulation sim = pair(NetworkConfig.lan());
    sim.setLinkLatency(0, 1, new LatencyModel.Fixed(700_000));
    sim.runUntil(699_999);
    assertTrue(((Sender) sim.node(1)).received.isEmpty());
    sim.runUntil(700_000);
    assertEquals(200, ((Sender) sim.node(1)).received.size());
  }
}
