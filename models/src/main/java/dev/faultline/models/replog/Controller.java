package dev.faultline.models.replog;

import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The controller: a single deterministic node (a Raft quorum later) that owns every partition's
 * leader, leader epoch and ISR. It declares a broker dead when its heartbeats stop for the session
 * timeout, elects a new leader from the live ISR members (or, with unclean election on and none
 * alive, from any live replica), accepts ISR changes only from the current leader of the current
 * epoch, and hands out producer ids. It pushes every change to the partition's replicas and answers
 * every heartbeat with all states, so a lost push is repaired within a heartbeat.
 *
 * <p>The controller keeps its state in memory and is never crashed by the scenarios.
 */
public final class Controller implements Node {
  private static final Object CHECK = "check";

  private final ReplogConfig config;
  private PartitionState[] states;
  private long[] lastHeartbeatMicros;
  private boolean[] alive;
  private boolean[] registered;
  private long nextProducerId = 1;
  private long elections;
  private NodeContext ctx;

  public Controller(ReplogConfig config) {
    this.config = config;
  }

  @Override
  public void start(NodeContext c) {
    this.ctx = c;
    states = new PartitionState[config.partitions()];
    for (int p = 0; p < states.length; p++) {
      List<Integer> replicas = config.replicas(p);
      states[p] = new PartitionState(p, replicas.get(0), 1, replicas, 0);
    }
    lastHeartbeatMicros = new long[config.brokers()];
    alive = new boolean[config.brokers()];
    registered = new boolean[config.brokers()];
    java.util.Arrays.fill(alive, true);
    java.util.Arrays.fill(lastHeartbeatMicros, c.nowMicros());
    c.setRole("controller");
    c.setTimer(config.heartbeatMicros(), CHECK);
  }

  @Override
  public void onTimer(NodeContext c, Object tag) {
    long now = c.nowMicros();
    for (int b = 0; b < alive.length; b++) {
      if (alive[b] && now - lastHeartbeatMicros[b] > config.sessionTimeoutMicros()) {
        alive[b] = false;
        onBrokerDown(b);
      }
    }
    c.setTimer(config.heartbeatMicros(), CHECK);
  }

  @Override
  public void onMessage(NodeContext c, int from, Message message) {
    if (message instanceof ReplogMessage.BrokerHeartbeat h && from < config.brokers()) {
      lastHeartbeatMicros[from] = c.nowMicros();
      if (!alive[from]) {
        alive[from] = true;
        onBrokerUp(from);
      } else if (h.registering() && registered[from]) {
        // It restarted within its session: whatever it led, it no longer leads in that epoch.
        for (int p = 0; p < states.length; p++) {
          if (states[p].leader() == from) {
            elect(p, -1);
          }
        }
      }
      registered[from] |= h.registering();
      c.send(from, new ReplogMessage.PartitionStates(List.of(states)));
    } else if (message instanceof ReplogMessage.AlterIsr a) {
      alterIsr(from, a);
    } else if (message instanceof ReplogMessage.MetadataRequest) {
      c.send(from, new ReplogMessage.PartitionStates(List.of(states)));
    } else if (message instanceof ReplogMessage.InitProducerId) {
      c.send(from, new ReplogMessage.ProducerIdAssigned(nextProducerId++));
    }
  }

  private void onBrokerDown(int b) {
    for (int p = 0; p < states.length; p++) {
      PartitionState s = states[p];
      if (s.leader() == b) {
        elect(p, b);
      } else if (s.isr().contains(b) && s.isr().size() > 1 && s.leader() >= 0) {
        List<Integer> isr = new ArrayList<>(s.isr());
        isr.remove(Integer.valueOf(b));
        change(new PartitionState(p, s.leader(), s.leaderEpoch(), isr, s.partitionEpoch() + 1));
      }
    }
  }

  private void onBrokerUp(int b) {
    for (int p = 0; p < states.length; p++) {
      if (states[p].leader() < 0 && config.replicas(p).contains(b)) {
        elect(p, -1);
      }
    }
  }

  /** Elects a leader for {@code p}, never {@code excluded}; bumps the leader epoch. */
  private void elect(int p, int excluded) {
    PartitionState s = states[p];
    List<Integer> liveIsr = new ArrayList<>();
    for (int r : config.replicas(p)) {
      if (r != excluded && alive[r] && s.isr().contains(r)) {
        liveIsr.add(r);
      }
    }
    int leader;
    List<Integer> isr;
    if (!liveIsr.isEmpty()) {
      leader = liveIsr.get(0);
      isr = liveIsr;
    } else {
      int stale = -1;
      for (int r : config.replicas(p)) {
        if (stale < 0 && r != excluded && alive[r]) {
          stale = r;
        }
      }
      if (config.uncleanLeaderElection() && stale >= 0) {
        leader = stale; // unclean: an out-of-sync replica leads, and what it lacks is lost
        isr = List.of(stale);
      } else {
        if (s.leader() < 0) {
          return; // still offline
        }
        leader = -1;
        isr = s.isr();
      }
    }
    elections++;
    change(new PartitionState(p, leader, s.leaderEpoch() + 1, isr, s.partitionEpoch() + 1));
  }

  private void alterIsr(int from, ReplogMessage.AlterIsr a) {
    PartitionState s = states[a.partition()];
    boolean valid =
        s.leader() == from
            && s.leaderEpoch() == a.leaderEpoch()
            && s.partitionEpoch() == a.partitionEpoch()
            && a.isr().contains(from);
    for (int r : a.isr()) {
      valid &= alive[r] || s.isr().contains(r);
    }
    if (valid) {
      change(
          new PartitionState(
              a.partition(), from, s.leaderEpoch(), a.isr(), s.partitionEpoch() + 1));
    } else {
      ctx.send(from, new ReplogMessage.PartitionStates(List.of(s)));
    }
  }

  private void change(PartitionState s) {
    states[s.partition()] = s;
    ReplogMessage.PartitionStates push = new ReplogMessage.PartitionStates(List.of(s));
    for (int r : config.replicas(s.partition())) {
      ctx.send(r, push);
    }
  }

  /** The controller's current state of {@code partition}. */
  public PartitionState state(int partition) {
    return states[partition];
  }

  /** How many elections the controller has run. */
  public long elections() {
    return elections;
  }
}
