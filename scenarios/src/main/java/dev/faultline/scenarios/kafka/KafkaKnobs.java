package dev.faultline.scenarios.kafka;

import dev.faultline.models.kraft.KraftConfig;
import dev.faultline.models.producer.ConsumerConfig;
import dev.faultline.models.producer.ProducerConfig;
import dev.faultline.models.raft.RaftBug;
import dev.faultline.models.raft.RaftConfig;
import dev.faultline.models.raft.ReadPath;
import dev.faultline.models.raft.Timers;
import dev.faultline.models.replog.FlushPolicy;
import dev.faultline.models.replog.ReplogConfig;
import dev.faultline.models.zk.ZkConfig;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The knobs of {@code kafka-produce}: Kafka's own settings under Kafka's names, the workload, the
 * forced fault, and what the run tolerates. Defaults are the safe configuration (acks=all,
 * idempotence, min.insync.replicas=2, clean election).
 */
final class KafkaKnobs {
  static final List<String> FAULTS =
      List.of(
          "generated",
          "none",
          "leader-crash",
          "leader-isolated",
          "loss",
          "duplicate",
          "timeout-retry",
          "producer-pause",
          "two-failovers",
          "power-loss");

  static final List<String> ANOMALY_CLASSES =
      List.of("lost", "inconsistent", "duplicate", "reorder", "key-reorder");

  private KafkaKnobs() {}

  static List<Knob> all() {
    List<Knob> k = new ArrayList<>();
    k.add(Knob.choice("acks", "all", List.of("0", "1", "all"), "producer acks"));
    k.add(
        Knob.bool(
            "enable.idempotence",
            true,
            "idempotent producer; if not set, off when acks is not all or retries=0"));
    k.add(Knob.integer("retries", Integer.MAX_VALUE, 0, Integer.MAX_VALUE, "producer retries"));
    k.add(
        Knob.integer(
            "max.in.flight.requests.per.connection", 5, 1, 100, "requests in flight per broker"));
    k.add(Knob.integer("linger.ms", 5, 0, 60_000, "how long a batch waits for more records"));
    k.add(Knob.integer("batch.records", 16, 1, 10_000, "most records per batch"));
    k.add(Knob.integer("delivery.timeout.ms", 600, 1, 3_600_000, "give a record up after this"));
    k.add(Knob.integer("request.timeout.ms", 150, 1, 3_600_000, "retry a request after this"));
    k.add(Knob.integer("retry.backoff.ms", 20, 0, 60_000, "wait before a retry"));
    k.add(Knob.integer("min.insync.replicas", 2, 1, 16, "acks=all needs an ISR this big"));
    k.add(
        Knob.bool(
            "unclean.leader.election.enable", false, "an out-of-sync replica may become leader"));
    k.add(
        Knob.integer("replica.lag.time.max.ms", 200, 1, 3_600_000, "lagging follower leaves ISR"));
    k.add(Knob.integer("broker.session.timeout.ms", 300, 2, 3_600_000, "controller session"));
    k.add(Knob.integer("broker.heartbeat.interval.ms", 40, 1, 3_600_000, "broker heartbeat"));
    k.add(
        Knob.integer(
            "flush.messages",
            1,
            0,
            Integer.MAX_VALUE,
            "fsync a log after this many appends (0: never, Kafka's default; 1: every append)"));
    k.add(
        Knob.integer(
            "flush.ms", 0, 0, 3_600_000, "fsync a log whose oldest unsynced record is this old"));
    k.add(
        Knob.integer(
            "os-writeback-ms",
            5000,
            0,
            3_600_000,
            "the operating system writes dirty pages back this often (0: never)"));
    k.add(Knob.integer("replication.factor", 3, 1, 16, "replicas per partition"));
    k.add(Knob.integer("brokers", 3, 1, 16, "brokers"));
    k.add(Knob.integer("partitions", 1, 1, 64, "partitions"));
    k.add(
        Knob.integer(
            "keys",
            0,
            0,
            1_000_000,
            "distinct record keys, placed by Kafka's murmur2 partitioner (0: no keys, sticky"
                + " partitioner)"));
    k.add(
        Knob.bool(
            "hw-requires-min-isr",
            false,
            "KIP-966 rule: the high watermark waits while the ISR is below min.insync.replicas"));
    k.add(
        Knob.choice(
            "bug",
            "none",
            List.of("none", "truncate-to-high-watermark", "zombie-controller"),
            "reintroduce a known mistake"));
    k.addAll(controllerKnobs());
    k.add(Knob.integer("producers", 2, 1, 16, "producer clients, one process each"));
    k.add(
        Knob.integer("send-interval-ms", 20, 1, 60_000, "each producer sends a record this often"));
    k.add(Knob.integer("poll-interval-ms", 50, 1, 60_000, "the consumer polls this often"));
    k.add(
        Knob.choice(
            "fault",
            "generated",
            FAULTS,
            "generated: the shared generator over the brokers; else one fault forced at partition"
                + " 0's leader 0.4-0.7 s in (see docs/kafka.md); none: no fault"));
    k.add(
        Knob.bool(
            "stale-replica",
            false,
            "before a leader fault, cut the leader's followers off until the ISR is the leader"));
    k.add(Knob.integer("duration-ms", 2000, 100, 3_600_000, "length of the fault phase"));
    k.add(Knob.integer("liveness-ms", 3000, 100, 3_600_000, "time allowed after the heal"));
    k.add(
        Knob.set(
            "allow",
            "none",
            ANOMALY_CLASSES,
            "anomaly classes that do not fail the run (lost, inconsistent, duplicate, reorder,"
                + " key-reorder)"));
    k.addAll(FaultKnobs.knobs("all"));
    return k;
  }

  /** The knobs of the control plane, shared with {@code kafka-controller}. */
  static List<Knob> controllerKnobs() {
    return List.of(
        Knob.choice(
            "controller",
            "kraft",
            List.of("kraft", "zk", "oracle"),
            "kraft: a Raft quorum of controllers over the metadata log; zk: a ZooKeeper-like"
                + " ensemble and a controller elected through it; oracle: one controller that is"
                + " never faulted"),
        Knob.integer("controllers", 3, 1, 7, "controller nodes (kraft and zk)"),
        Knob.integer(
            "controller.quorum.election.timeout.ms",
            50,
            1,
            3_600_000,
            "the controller quorum's election timeout (Kafka: 1000, scaled like the session)"),
        Knob.integer(
            "controller.quorum.fetch.timeout.ms",
            100,
            1,
            3_600_000,
            "a controller that hears nothing from the leader this long campaigns (Kafka: 2000)"),
        Knob.bool(
            "eligible.leader.replicas",
            false,
            "KIP-966: members an ISR loses below min.insync.replicas stay eligible leaders"),
        Knob.decimal(
            "controller-pause-rate",
            0.3,
            0,
            1,
            "kraft and zk: chance that the active controller freezes (a GC pause) long enough to be"
                + " replaced, while partition 0's leader wants its ISR changed"),
        Knob.integer(
            "zookeeper.session.timeout.ms",
            600,
            1,
            3_600_000,
            "zk: a session unheard this long expires (Kafka: 18000, scaled like the session)"),
        Knob.integer(
            "zk-read-us",
            37,
            0,
            1_000_000,
            "zk: the ensemble's time to read one partition's state znode (37 us: 1M in 37 s)"),
        Knob.integer(
            "zk-write-us",
            50,
            0,
            1_000_000,
            "zk: the ensemble's time to write one partition's state znode"));
  }

  /**
   * Knob {@code name} (in milliseconds) in microseconds, divided by the scenario's {@code
   * time-scale} when it has one: {@code kafka-controller} keeps Kafka's real defaults and runs them
   * faster.
   */
  static long micros(Knobs k, String name) {
    String scale = k.values().get("time-scale");
    return k.getLong(name) * 1000 / (scale == null ? 1 : Long.parseLong(scale));
  }

  /** The controller quorum's Raft settings: KRaft's rules, scaled down with the session. */
  static RaftConfig controllerRaft(Knobs k, int firstController) {
    long election = micros(k, "controller.quorum.election.timeout.ms");
    long fetchTimeout = micros(k, "controller.quorum.fetch.timeout.ms");
    return RaftConfig.builder(k.getInt("controllers"))
        .timers(Timers.KRAFT)
        .electionTimeout(election, 2 * election)
        .fetchTimeout(fetchTimeout)
        .fetchMaxWait(Math.max(1, fetchTimeout / 4))
        .electionBackoffMax(election)
        .maxFetchRecords(500)
        .preVote(true)
        .checkQuorum(true)
        .readPath(ReadPath.LOG)
        .epochStartRecord(true)
        .bug(RaftBug.NONE)
        .firstVoterId(firstController)
        .build();
  }

  /** The control plane the knob {@code controller} names, over {@code totalPartitions}. */
  static ControlPlane controlPlane(Knobs k, ReplogConfig replog, int totalPartitions) {
    return ControlPlane.of(
        k.get("controller"),
        replog,
        kraft(k, replog, totalPartitions),
        zk(k, replog, totalPartitions));
  }

  /**
   * The brokers' cluster knobs that kafka-txn and kafka-pipeline share, under Kafka's names and
   * with the same defaults.
   */
  static List<Knob> brokerKnobs() {
    return List.of(
        Knob.integer("min.insync.replicas", 2, 1, 16, "acks=all needs an ISR this big"),
        Knob.integer("replication.factor", 3, 1, 16, "replicas per partition"),
        Knob.integer("brokers", 3, 1, 16, "brokers"),
        Knob.bool(
            "unclean.leader.election.enable", false, "an out-of-sync replica may become leader"),
        Knob.integer("replica.lag.time.max.ms", 200, 1, 3_600_000, "lagging follower leaves ISR"),
        Knob.integer("broker.session.timeout.ms", 300, 2, 3_600_000, "controller session"),
        Knob.integer("broker.heartbeat.interval.ms", 40, 1, 3_600_000, "broker heartbeat"));
  }

  static KraftConfig kraft(Knobs k, ReplogConfig replog, int totalPartitions) {
    return new KraftConfig(
        replog,
        controllerRaft(k, replog.controller()),
        totalPartitions,
        k.getBool("eligible.leader.replicas"));
  }

  static ZkConfig zk(Knobs k, ReplogConfig replog, int totalPartitions) {
    return new ZkConfig(
        replog,
        controllerRaft(k, replog.controller()),
        totalPartitions,
        micros(k, "zookeeper.session.timeout.ms"),
        k.getLong("zk-read-us"),
        k.getLong("zk-write-us"),
        k.get("bug").equals("zombie-controller"));
  }

  static FlushPolicy flush(Knobs k) {
    return new FlushPolicy(
        k.getLong("flush.messages"),
        k.getLong("flush.ms") * 1000,
        k.getLong("os-writeback-ms") * 1000);
  }

  /** How long a controller pause must last to have the controller replaced, per mode. */
  static long controllerPauseMicros(Knobs k) {
    return k.get("controller").equals("zk")
        ? k.getLong("zookeeper.session.timeout.ms") * 1000
        : 2 * k.getLong("controller.quorum.fetch.timeout.ms") * 1000;
  }

  /**
   * When the consumer starts its final read, in virtual microseconds: after the fault phase and the
   * producers' delivery timeout, so that every send has its outcome by then.
   */
  static long finalReadMicros(Knobs k) {
    return k.getLong("duration-ms") * 1000 + k.getLong("delivery.timeout.ms") * 1000 + 100_000;
  }

  /** The anomaly classes the {@code allow} knob tolerates. */
  static Set<String> allowed(Knobs k) {
    Set<String> allowed = new TreeSet<>();
    String allow = k.get("allow");
    if (allow.equals("all")) {
      allowed.addAll(ANOMALY_CLASSES);
    } else if (!allow.equals("none")) {
      allowed.addAll(List.of(allow.split(",")));
    }
    return allowed;
  }

  static int acks(Knobs k) {
    return switch (k.get("acks")) {
      case "0" -> 0;
      case "1" -> 1;
      default -> -1;
    };
  }

  /**
   * Whether the producer is idempotent. Kafka's ProducerConfig turns idempotence off when acks is
   * not all or retries is 0 and enable.idempotence was left at its default; when it was set, those
   * settings are refused instead ({@link #check}).
   */
  static boolean idempotence(Knobs k) {
    return k.getBool("enable.idempotence") && acks(k) == -1 && k.getInt("retries") > 0;
  }

  /**
   * Refuses what Kafka refuses (docs/kafka.md cites each rule): the idempotent producer with acks
   * other than all or retries=0 when enable.idempotence was set, or with more than 5 requests in
   * flight; a replication factor above the broker count; and, where Kafka would accept the topic
   * and fail every acks=all write, min.insync.replicas above the replication factor.
   */
  static void check(Knobs k) {
    boolean idempotent = k.getBool("enable.idempotence");
    boolean given = k.isGiven("enable.idempotence");
    int inFlight = k.getInt("max.in.flight.requests.per.connection");
    if (idempotent && given && acks(k) != -1) {
      throw new KnobException(
          "enable.idempotence=true needs acks=all, not acks="
              + k.get("acks")
              + ": Kafka refuses an idempotent producer that cannot guarantee idempotence");
    }
    if (idempotent && given && k.getInt("retries") == 0) {
      throw new KnobException(
          "enable.idempotence=true needs retries above 0, as Kafka requires of the idempotent"
              + " producer");
    }
    if (idempotence(k) && inFlight > 5) {
      throw new KnobException(
          "the idempotent producer needs max.in.flight.requests.per.connection at most 5, not "
              + inFlight
              + ", as Kafka requires; set enable.idempotence=false to send more at once");
    }
    checkCluster(k);
  }

  /**
   * The rules every Kafka-style scenario shares (kafka-produce, kafka-txn): a replication factor at
   * most the broker count, min.insync.replicas at most the replication factor, a heartbeat shorter
   * than the broker session, and a forced fault that max-down allows.
   */
  static void checkCluster(Knobs k) {
    int brokers = k.getInt("brokers");
    int rf = k.getInt("replication.factor");
    if (rf > brokers) {
      throw new KnobException(
          "replication.factor="
              + rf
              + " is larger than the "
              + brokers
              + " broker(s): Kafka refuses to create such a topic");
    }
    int minIsr = k.getInt("min.insync.replicas");
    if (minIsr > rf) {
      throw new KnobException(
          "min.insync.replicas="
              + minIsr
              + " is above replication.factor="
              + rf
              + ": no ISR can be that large, so every acks=all write would be refused");
    }
    String fault = k.get("fault");
    int needed = KafkaFaults.brokersDown(fault, Math.min(rf, brokers));
    if (needed > k.getInt("max-down")) {
      throw new KnobException(
          "fault="
              + fault
              + " takes "
              + needed
              + " brokers down at once, more than max-down="
              + k.getInt("max-down")
              + " allows; set max-down="
              + needed);
    }
    long heartbeat = k.getLong("broker.heartbeat.interval.ms");
    long session = k.getLong("broker.session.timeout.ms");
    if (heartbeat >= session) {
      throw new KnobException(
          "broker.heartbeat.interval.ms="
              + heartbeat
              + " must be below broker.session.timeout.ms="
              + session
              + ", or every broker's session would expire between two heartbeats");
    }
  }

  /** Knobs derived from others: idempotence that Kafka switches off when it was not set. */
  static SortedMap<String, String> inEffect(Knobs k) {
    SortedMap<String, String> out = new TreeMap<>();
    if (k.getBool("enable.idempotence") && !idempotence(k)) {
      String why = acks(k) != -1 ? "acks=" + k.get("acks") : "retries=0";
      out.put(
          "enable.idempotence",
          "false, because " + why + " and enable.idempotence was not set, as Kafka does");
    }
    return out;
  }

  static ReplogConfig replog(Knobs k) {
    int brokers = k.getInt("brokers");
    int rf = k.getInt("replication.factor");
    return new ReplogConfig(
        brokers,
        brokers,
        k.getInt("partitions"),
        rf,
        k.getInt("min.insync.replicas"),
        k.getLong("replica.lag.time.max.ms") * 1000,
        k.getBool("unclean.leader.election.enable"),
        k.get("bug").equals("truncate-to-high-watermark"),
        k.getBool("hw-requires-min-isr"),
        k.getLong("broker.heartbeat.interval.ms") * 1000,
        k.getLong("broker.session.timeout.ms") * 1000,
        20_000,
        100_000,
        500);
  }

  static ProducerConfig producer(Knobs k, long stopMicros, ControlPlane plane) {
    return new ProducerConfig(
        acks(k),
        idempotence(k),
        k.getInt("retries"),
        k.getInt("max.in.flight.requests.per.connection"),
        k.getLong("linger.ms") * 1000,
        k.getInt("batch.records"),
        k.getLong("delivery.timeout.ms") * 1000,
        k.getLong("request.timeout.ms") * 1000,
        k.getLong("retry.backoff.ms") * 1000,
        k.getLong("send-interval-ms") * 1000,
        k.getInt("partitions"),
        k.getInt("keys"),
        stopMicros,
        plane.bootstrapFirst(),
        plane.bootstrapCount());
  }

  static ConsumerConfig consumer(Knobs k, long finalReadMicros, ControlPlane plane) {
    return new ConsumerConfig(
        k.getInt("partitions"),
        k.getLong("poll-interval-ms") * 1000,
        500,
        k.getLong("request.timeout.ms") * 1000,
        finalReadMicros,
        plane.bootstrapFirst(),
        false,
        0,
        plane.bootstrapCount());
  }
}
