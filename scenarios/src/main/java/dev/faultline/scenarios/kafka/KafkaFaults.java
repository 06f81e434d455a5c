package dev.faultline.scenarios.kafka;

import dev.faultline.models.replog.Controller;
import dev.faultline.sim.RandomStream;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.fault.PartitionShape;
import dev.faultline.sim.fault.TimedFault;
import java.util.ArrayList;
import java.util.List;

/**
 * The forced faults of {@code kafka-produce}: each strikes partition 0's leader (as the controller
 * sees it at that moment) at a time drawn from the seed's {@code kafka-fault} stream, and is over
 * well before the fault phase ends. Every fault applied is recorded, so the run prints the schedule
 * it actually ran and {@code --schedule} replays it.
 */
final class KafkaFaults {
  /** How long a forced fault lasts. */
  static final long EPISODE_MICROS = 600_000;

  /** How long the stale-replica prelude cuts the leader off from its followers. */
  static final long PRELUDE_MICROS = 500_000;

  /** How long a producer pause lasts: longer than a request timeout. */
  static final long PAUSE_MICROS = 400_000;

  /** How long the timeout-retry cut lasts: less than a request timeout. */
  static final long CUT_MICROS = 25_000;

  private final Simulation sim;
  private final List<String> brokers;
  private final String controller;
  private final String firstProducer;
  private final RandomStream random;
  private final double lossRate;
  private final double duplicateRate;
  private final List<TimedFault> applied = new ArrayList<>();

  KafkaFaults(
      Simulation sim,
      List<String> brokers,
      String controller,
      String firstProducer,
      long seed,
      double lossRate,
      double duplicateRate) {
    this.sim = sim;
    this.brokers = brokers;
    this.controller = controller;
    this.firstProducer = firstProducer;
    this.random = RandomStream.of(seed, "kafka-fault");
    this.lossRate = lossRate;
    this.duplicateRate = duplicateRate;
  }

  /** Arms {@code fault} (a forced kind) to strike between 0.4 s and 0.7 s; it is over by 1.8 s. */
  void arm(String fault, boolean staleReplica) {
    long t0 = 400_000 + random.nextLong(0, 300_000);
    switch (fault) {
      case "leader-crash", "leader-isolated" -> {
        if (staleReplica) {
          sim.at(t0, () -> staleReplicaPrelude(fault));
        } else {
          sim.at(t0, () -> strikeLeader(fault, leader()));
        }
      }
      case "loss" -> {
        sim.at(t0, () -> apply(new Fault.Loss(lossRate)));
        sim.at(t0 + EPISODE_MICROS, () -> apply(new Fault.Loss(0)));
      }
      case "duplicate" -> {
        sim.at(t0, () -> apply(new Fault.Duplicate(duplicateRate)));
        sim.at(t0 + EPISODE_MICROS, () -> apply(new Fault.Duplicate(0)));
      }
      case "timeout-retry" -> sim.at(t0, this::cutProducer);
      case "producer-pause" -> {
        // A GC pause of the first producer, longer than its request timeout.
        sim.at(t0, () -> apply(new Fault.Pause(firstProducer)));
        sim.at(t0 + PAUSE_MICROS, () -> apply(new Fault.Resume(firstProducer)));
      }
      case "two-failovers" -> sim.at(t0, this::twoFailovers);
      default -> throw new IllegalArgumentException("not a forced fault: " + fault);
    }
  }

  /** The schedule that ran. */
  FaultSchedule applied() {
    return new FaultSchedule(applied);
  }

  private String leader() {
    Controller c = (Controller) sim.node(sim.idOf(controller));
    int id = c.state(0).leader();
    return id < 0 ? brokers.get(0) : brokers.get(id);
  }

  private List<String> others(String leader) {
    return brokers.stream().filter(b -> !b.equals(leader)).toList();
  }

  private void strikeLeader(String fault, String leader) {
    if (fault.equals("leader-crash")) {
      apply(new Fault.Crash(leader));
      sim.at(sim.nowMicros() + EPISODE_MICROS, () -> apply(new Fault.Restart(leader)));
    } else {
      List<String> rest = new ArrayList<>(others(leader));
      rest.add(controller);
      apply(new Fault.Partition(PartitionShape.ISOLATE, List.of(List.of(leader), rest)));
      sim.at(sim.nowMicros() + EPISODE_MICROS, () -> apply(new Fault.Heal()));
    }
  }

  /**
   * Cuts the leader off from its followers (not from the controller) until it has shrunk the ISR to
   * itself, then strikes it: no ISR member is left alive, and only an unclean election can bring
   * the partition back, with a replica that missed what the leader committed alone.
   */
  private void staleReplicaPrelude(String fault) {
    String leader = leader();
    apply(new Fault.Partition(PartitionShape.ISOLATE, List.of(List.of(leader), others(leader))));
    sim.at(
        sim.nowMicros() + PRELUDE_MICROS,
        () -> {
          apply(new Fault.Heal());
          strikeLeader(fault, leader);
        });
  }

  /** A short one-way cut between the first producer and the leader: requests or responses. */
  private void cutProducer() {
    String leader = leader();
    boolean requests = random.nextBoolean();
    List<List<String>> groups =
        requests
            ? List.of(List.of(firstProducer), List.of(leader))
            : List.of(List.of(leader), List.of(firstProducer));
    apply(new Fault.Partition(PartitionShape.ONE_WAY, groups));
    sim.at(sim.nowMicros() + CUT_MICROS, () -> apply(new Fault.Heal()));
  }

  /**
   * A follower restarts at the instant the leader and the other follower crash: the restarted
   * follower is the only live ISR member, so it is elected (KIP-101's double failover).
   */
  private void twoFailovers() {
    String leader = leader();
    List<String> followers = others(leader);
    String survivor = followers.get(random.nextInt(followers.size()));
    apply(new Fault.Crash(survivor));
    apply(new Fault.Restart(survivor));
    for (String other : brokers) {
      if (!other.equals(survivor)) {
        apply(new Fault.Crash(other));
      }
    }
    sim.at(
        sim.nowMicros() + EPISODE_MICROS,
        () -> {
          for (String other : brokers) {
            apply(new Fault.Restart(other));
          }
        });
  }

  private void apply(Fault f) {
    applied.add(new TimedFault(sim.nowMicros(), f));
    sim.apply(f);
  }
}
