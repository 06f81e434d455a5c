package dev.faultline.scenarios.kafka;

import dev.faultline.models.producer.ConsumerConfig;
import dev.faultline.models.producer.ProducerConfig;
import dev.faultline.models.replog.ReplogConfig;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Knobs;
import java.util.ArrayList;
import java.util.List;

/**
 * The knobs of {@code kafka-controller}: the cluster's size and mode, and Kafka's own timeouts at
 * their real defaults (this scenario measures seconds, not lessons), with the ZooKeeper-mode cost
 * model.
 */
final class ControllerKnobs {
  private ControllerKnobs() {}

  static List<Knob> all() {
    List<Knob> k = new ArrayList<>();
    k.add(
        Knob.choice(
            "controller",
            "kraft",
            List.of("kraft", "zk"),
            "kraft: a Raft quorum of controllers over the metadata log; zk: a ZooKeeper-like"
                + " ensemble and a controller elected through it"));
    k.add(Knob.integer("controllers", 3, 1, 7, "controller nodes"));
    k.add(
        Knob.integer(
            "time-scale",
            10,
            1,
            1000,
            "Kafka's timeouts below (real defaults) run this many times faster; 1: real time."
                + " ZooKeeper's per-znode times are not scaled"));
    k.add(Knob.integer("brokers", 6, 3, 16, "brokers"));
    k.add(
        Knob.integer(
            "partitions", 1000, 1, 2_000_000, "partitions in the metadata (the cold ones: only)"));
    k.add(Knob.integer("hot-partitions", 3, 1, 64, "partitions with replicas and traffic"));
    k.add(Knob.integer("replication.factor", 3, 1, 16, "replicas per partition"));
    k.add(Knob.integer("min.insync.replicas", 2, 1, 16, "acks=all needs an ISR this big"));
    k.add(Knob.integer("broker.session.timeout.ms", 9000, 2, 3_600_000, "KRaft broker session"));
    k.add(Knob.integer("broker.heartbeat.interval.ms", 2000, 1, 3_600_000, "broker heartbeat"));
    k.add(
        Knob.integer(
            "controller.quorum.election.timeout.ms", 1000, 1, 3_600_000, "controller election"));
    k.add(
        Knob.integer(
            "controller.quorum.fetch.timeout.ms",
            2000,
            1,
            3_600_000,
            "a controller that hears nothing from the leader this long campaigns"));
    k.add(
        Knob.integer(
            "zookeeper.session.timeout.ms", 18_000, 1, 3_600_000, "ZooKeeper session (zk mode)"));
    k.add(
        Knob.integer(
            "zk-read-us",
            37,
            0,
            1_000_000,
            "the ensemble's time per partition state read (37 us: a million in 37 s)"));
    k.add(
        Knob.integer(
            "zk-write-us", 50, 0, 1_000_000, "the ensemble's time per partition state written"));
    k.add(
        Knob.integer(
            "replica.lag.time.max.ms", 30_000, 1, 3_600_000, "lagging follower leaves the ISR"));
    k.add(
        Knob.bool("eligible.leader.replicas", false, "KIP-966: eligible leader replicas (kraft)"));
    k.add(
        Knob.choice(
            "bug",
            "none",
            List.of("none", "zombie-controller"),
            "zombie-controller: zk controller writes without the controller-epoch check"));
    k.add(
        Knob.integer(
            "send-interval-ms", 1000, 1, 60_000, "the producer sends a record this often"));
    k.add(
        Knob.integer(
            "duration-ms", 0, 0, 3_600_000, "length of the fault phase (0: the experiments' own)"));
    k.add(Knob.integer("liveness-ms", 30_000, 100, 3_600_000, "time allowed after the heal"));
    k.addAll(FaultKnobs.knobs("none"));
    return k;
  }

  static ReplogConfig replog(Knobs k) {
    int brokers = k.getInt("brokers");
    int rf = Math.min(k.getInt("replication.factor"), brokers);
    return new ReplogConfig(
        brokers,
        brokers,
        k.getInt("hot-partitions"),
        rf,
        Math.min(k.getInt("min.insync.replicas"), rf),
        KafkaKnobs.micros(k, "replica.lag.time.max.ms"),
        false,
        false,
        false,
        KafkaKnobs.micros(k, "broker.heartbeat.interval.ms"),
        Math.max(
            KafkaKnobs.micros(k, "broker.session.timeout.ms"),
            KafkaKnobs.micros(k, "broker.heartbeat.interval.ms") + 1),
        500_000 / scale(k), // Kafka's replica fetch long-polls up to replica.fetch.wait.max.ms
        10_000_000 / scale(k),
        500);
  }

  static long scale(Knobs k) {
    return k.getLong("time-scale");
  }

  static ProducerConfig producer(Knobs k, long stopMicros, ControlPlane plane) {
    return new ProducerConfig(
        -1,
        true,
        Integer.MAX_VALUE,
        5,
        5_000,
        16,
        120_000_000 / scale(k),
        30_000_000 / scale(k),
        100_000 / scale(k),
        KafkaKnobs.micros(k, "send-interval-ms"),
        k.getInt("hot-partitions"),
        0,
        stopMicros,
        plane.bootstrapFirst(),
        plane.bootstrapCount());
  }

  static ConsumerConfig consumer(Knobs k, long finalReadMicros, ControlPlane plane) {
    return new ConsumerConfig(
        k.getInt("hot-partitions"),
        1_000_000 / scale(k),
        500,
        30_000_000 / scale(k),
        finalReadMicros,
        plane.bootstrapFirst(),
        false,
        0,
        plane.bootstrapCount());
  }
}
