package dev.faultline.scenarios.kafka;

import dev.faultline.scenarios.compose.FaultPlane;
import dev.faultline.scenarios.compose.Nemesis;
import dev.faultline.scenarios.compose.NemesisContext;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.PartitionShape;
import java.util.ArrayList;
import java.util.List;

/**
 * The forced faults of {@code kafka-produce}: each strikes partition 0's leader (as the controller
 * sees it at that moment) at a time drawn from the seed's {@code kafka-fault} stream, and is over
 * well before the fault phase ends. Its faults go through the run's fault plane like every
 * nemesis's: crashes count against {@code max-down} ({@code two-failovers} needs 2), cuts add to
 * any in force.
 */
final class KafkaFaults implements Nemesis {
  /** How long a forced fault lasts. */
  static final long EPISODE_MICROS = 600_000;

  /** How long the stale-replica prelude cuts the leader off from its followers. */
  static final long PRELUDE_MICROS = 500_000;

  /** How far apart the crashes of a power loss are. */
  static final long POWER_LOSS_SPREAD_MICROS = 5_000;

  /** How long a producer pause lasts: longer than a request timeout. */
  static final long PAUSE_MICROS = 400_000;

  /** How long the timeout-retry cut lasts: less than a request timeout. */
  static final long CUT_MICROS = 25_000;

  private final String fault;
  private final boolean staleReplica;
  private final ControlPlane control;
  private final List<Integer> replicas;
  private final String firstProducer;
  private final double lossRate;
  private final double duplicateRate;
  private NemesisContext ctx;
  private FaultPlane plane;

  KafkaFaults(
      String fault,
      boolean staleReplica,
      ControlPlane control,
      List<Integer> replicas,
      String firstProducer,
      double lossRate,
      double duplicateRate) {
    this.fault = fault;
    this.staleReplica = staleReplica;
    this.control = control;
    this.replicas = List.copyOf(replicas);
    this.firstProducer = firstProducer;
    this.lossRate = lossRate;
    this.duplicateRate = duplicateRate;
  }

  /**
   * How many brokers {@code fault} takes down at once: what it needs of {@code max-down} (a power
   * loss takes the whole replica set).
   */
  static int brokersDown(String fault, int replicationFactor) {
    return switch (fault) {
      case "power-loss" -> replicationFactor;
      case "two-failovers" -> 2;
      case "leader-crash" -> 1;
      default -> 0;
    };
  }

  @Override
  public String name() {
    return "kafka-fault";
  }

  /** Arms the fault to strike between 0.4 s and 0.7 s; it is over by 1.8 s. */
  @Override
  public void start(NemesisContext context) {
    this.ctx = context;
    this.plane = context.plane();
    Simulation sim = ctx.sim();
    long t0 = 400_000 + ctx.random().nextLong(0, 300_000);
    switch (fault) {
      case "leader-crash", "leader-isolated" -> {
        if (staleReplica) {
          sim.at(t0, this::staleReplicaPrelude);
        } else {
          sim.at(t0, () -> strikeLeader(leader(), sim.nowMicros()));
        }
      }
      case "loss" -> {
        plane.at(t0, new Fault.Loss(lossRate));
        plane.at(t0 + EPISODE_MICROS, new Fault.Loss(0));
      }
      case "duplicate" -> {
        plane.at(t0, new Fault.Duplicate(duplicateRate));
        plane.at(t0 + EPISODE_MICROS, new Fault.Duplicate(0));
      }
      case "timeout-retry" -> sim.at(t0, this::cutProducer);
      case "producer-pause" -> {
        // A GC pause of the first producer, longer than its request timeout.
        plane.at(t0, new Fault.Pause(firstProducer));
        plane.at(t0 + PAUSE_MICROS, new Fault.Resume(firstProducer));
      }
      case "two-failovers" -> sim.at(t0, this::twoFailovers);
      case "power-loss" -> powerLoss(t0);
      default -> throw new IllegalArgumentException("not a forced fault: " + fault);
    }
  }

  private String leader() {
    int id = control.leaderOf(ctx.sim(), 0);
    List<String> brokers = brokers();
    return id < 0 ? brokers.get(0) : brokers.get(id);
  }

  /** The brokers: the servers that are not controllers. */
  private List<String> brokers() {
    return ctx.servers().stream().filter(b -> !control.controllerNames().contains(b)).toList();
  }

  private List<String> others(String leader) {
    return brokers().stream().filter(b -> !b.equals(leader)).toList();
  }

  /** Strikes {@code leader} at {@code at} (or the next microsecond) for one episode. */
  private void strikeLeader(String leader, long at) {
    if (fault.equals("leader-crash")) {
      plane.at(at, new Fault.Crash(leader));
      plane.at(at + EPISODE_MICROS, new Fault.Restart(leader));
    } else {
      List<String> rest = new ArrayList<>(others(leader));
      rest.addAll(control.controllerNames());
      plane.at(at, new Fault.Partition(PartitionShape.ISOLATE, List.of(List.of(leader), rest)));
      plane.at(at + EPISODE_MICROS, new Fault.Heal());
    }
  }

  /**
   * Cuts the leader off from its followers (not from the controller) until it has shrunk the ISR to
   * itself, then strikes it: no ISR member is left alive, and only an unclean election can bring
   * the partition back, with a replica that missed what the leader committed alone.
   */
  private void staleReplicaPrelude() {
    String leader = leader();
    long now = ctx.sim().nowMicros();
    plane.strike(
        new Fault.Partition(PartitionShape.ISOLATE, List.of(List.of(leader), others(leader))));
    plane.at(now + PRELUDE_MICROS, new Fault.Heal());
    strikeLeader(leader, now + PRELUDE_MICROS);
  }

  /** A short one-way cut between the first producer and the leader: requests or responses. */
  private void cutProducer() {
    String leader = leader();
    boolean requests = ctx.random().nextBoolean();
    List<List<String>> groups =
        requests
            ? List.of(List.of(firstProducer), List.of(leader))
            : List.of(List.of(leader), List.of(firstProducer));
    plane.strike(new Fault.Partition(PartitionShape.ONE_WAY, groups));
    plane.at(ctx.sim().nowMicros() + CUT_MICROS, new Fault.Heal());
  }

  /**
   * The power fails under partition 0's replicas: each of its brokers crashes within {@link
   * #POWER_LOSS_SPREAD_MICROS} of the first (losing its page cache: what it had not fsynced), and
   * all come back an episode later.
   */
  private void powerLoss(long t0) {
    List<String> brokers = brokers();
    for (int r : replicas) {
      String b = brokers.get(r);
      plane.at(t0 + ctx.random().nextLong(0, POWER_LOSS_SPREAD_MICROS), new Fault.Crash(b));
      plane.at(t0 + EPISODE_MICROS, new Fault.Restart(b));
    }
  }

  /**
   * A follower restarts at the instant the leader and the other follower crash: the restarted
   * follower is the only live ISR member, so it is elected (KIP-101's double failover).
   */
  private void twoFailovers() {
    String leader = leader();
    List<String> followers = others(leader);
    String survivor = followers.get(ctx.random().nextInt(followers.size()));
    plane.strike(new Fault.Crash(survivor));
    plane.strike(new Fault.Restart(survivor));
    for (String other : brokers()) {
      if (!other.equals(survivor)) {
        plane.strike(new Fault.Crash(other));
      }
    }
    long back = ctx.sim().nowMicros() + EPISODE_MICROS;
    for (String other : brokers()) {
      plane.at(back, new Fault.Restart(other));
    }
  }
}
