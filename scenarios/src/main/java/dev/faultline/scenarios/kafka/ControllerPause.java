package dev.faultline.scenarios.kafka;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.compose.FaultPlane;
import dev.faultline.scenarios.compose.Nemesis;
import dev.faultline.scenarios.compose.NemesisContext;
import dev.faultline.scenarios.compose.Setup;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.PartitionShape;
import java.util.List;

/**
 * A garbage-collection pause of the active controller, long enough for another to take over: in
 * ZooKeeper mode a bit longer than the session timeout, in KRaft mode twice the quorum's fetch
 * timeout. While it is frozen, one follower of partition 0 is cut off from the leader, so the
 * leader asks to shrink the ISR and its request waits in the frozen controller's inbox. Back from
 * the pause, the old controller acts on what it holds before it learns it was replaced: the zombie
 * of KAFKA-6082. Drawn once per run with probability {@code controller-pause-rate}.
 */
final class ControllerPause implements Nemesis {
  private final ControlPlane control;
  private final double rate;
  private final long pauseMicros;

  /**
   * Adds the nemesis to a run under generated faults when the mode has controllers to pause ({@code
   * kraft}, {@code zk}) and {@code controller-pause-rate} is above 0.
   */
  static void addIfDrawn(Setup s, Knobs k, ControlPlane control) {
    if (!k.get("controller").equals("oracle") && k.getDouble("controller-pause-rate") > 0) {
      s.nemesis(
          new ControllerPause(
              control, k.getDouble("controller-pause-rate"), KafkaKnobs.controllerPauseMicros(k)));
    }
  }

  ControllerPause(ControlPlane control, double rate, long pauseMicros) {
    this.control = control;
    this.rate = rate;
    this.pauseMicros = pauseMicros;
  }

  @Override
  public String name() {
    return "controller-pause";
  }

  @Override
  public void start(NemesisContext ctx) {
    if (ctx.random().nextDouble() >= rate) {
      return;
    }
    long length = pauseMicros + ctx.random().nextLong(0, pauseMicros / 2 + 1);
    long latest = ctx.faultEndMicros() - length - 100_000;
    if (latest <= 300_000) {
      return;
    }
    long at = ctx.random().nextLong(300_000, latest);
    int pick = ctx.random().nextInt(2);
    Simulation sim = ctx.sim();
    sim.at(at, () -> strike(ctx, length, pick));
  }

  private void strike(NemesisContext ctx, long length, int pick) {
    Simulation sim = ctx.sim();
    FaultPlane plane = ctx.plane();
    String active = null;
    for (String name : control.controllerNames()) {
      int id = sim.idOf(name);
      if (sim.isUp(id) && control.activeOtherThan(sim, -1) && !control.activeOtherThan(sim, id)) {
        active = name;
      }
    }
    if (active == null) {
      return;
    }
    long now = sim.nowMicros();
    plane.strike(new Fault.Pause(active));
    int leader = control.leaderOf(sim, 0);
    List<Integer> replicas = control.replog.replicas(0);
    if (leader >= 0 && replicas.size() > 1) {
      List<Integer> followers = replicas.stream().filter(r -> r != leader).toList();
      int follower = followers.get(pick % followers.size());
      plane.strike(
          new Fault.Partition(
              PartitionShape.ISOLATE,
              List.of(List.of(brokerName(follower)), List.of(brokerName(leader)))));
      plane.at(now + length, new Fault.Heal());
    }
    plane.at(now + length, new Fault.Resume(active));
  }

  private static String brokerName(int id) {
    return "b" + (id + 1);
  }
}
