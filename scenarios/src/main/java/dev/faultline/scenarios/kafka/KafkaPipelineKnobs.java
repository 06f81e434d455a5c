package dev.faultline.scenarios.kafka;

import dev.faultline.models.producer.ConsumerConfig;
import dev.faultline.models.producer.PipelineConfig;
import dev.faultline.models.producer.ProducerConfig;
import dev.faultline.models.producer.TxnProducerConfig;
import dev.faultline.models.replog.ReplogConfig;
import dev.faultline.models.replog.TxnConfig;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import java.util.ArrayList;
import java.util.List;

/**
 * The knobs of {@code kafka-pipeline}: the consumer group's settings under Kafka's names (times
 * scaled down with the broker session, as in the other Kafka scenarios), the commit discipline, the
 * sink, the cluster, and the forced fault.
 */
final class KafkaPipelineKnobs {
  static final List<String> FAULTS =
      List.of(
          "generated",
          "none",
          "crash-between-process-and-commit",
          "zombie-consumer",
          "rebalance-storm",
          "coordinator-crash");

  static final List<String> ANOMALY_CLASSES = List.of("lost", "duplicate");

  static final String GROUP = "pipeline";

  private KafkaPipelineKnobs() {}

  static List<Knob> all() {
    List<Knob> k = new ArrayList<>();
    k.add(
        Knob.choice(
            "commit",
            "transactional",
            List.of("before-processing", "after-processing", "auto", "transactional"),
            "when offsets are committed: before processing (at most once), after (at least once),"
                + " enable.auto.commit, or in the output transaction (exactly once)"));
    k.add(
        Knob.choice(
            "sink",
            "none",
            List.of("none", "append", "idempotent"),
            "where effects go: none (the output topic), append (a row per processing), idempotent"
                + " (an upsert keyed by the input record)"));
    k.add(
        Knob.choice(
            "partition.assignment.strategy",
            "range",
            List.of("range", "cooperative-sticky"),
            "range (eager: every partition revoked at each rebalance) or cooperative-sticky"));
    k.add(
        Knob.choice(
            "group.instance.id",
            "none",
            List.of("none", "node-name"),
            "static membership: none (dynamic members) or each consumer's node name"));
    k.add(Knob.integer("session.timeout.ms", 300, 2, 3_600_000, "group session (Kafka: 45000)"));
    k.add(Knob.integer("heartbeat.interval.ms", 40, 1, 3_600_000, "heartbeat (Kafka: 3000)"));
    k.add(Knob.integer("max.poll.interval.ms", 1000, 1, 3_600_000, "poll timeout (Kafka: 300000)"));
    k.add(
        Knob.integer(
            "auto.commit.interval.ms", 100, 1, 3_600_000, "commit=auto's interval (Kafka: 5000)"));
    k.add(Knob.integer("max.poll.records", 20, 1, 10_000, "records one poll returns at most"));
    k.add(Knob.integer("processing-ms", 2, 1, 60_000, "the application's time per record"));
    k.add(Knob.integer("consumers", 3, 1, 16, "members of the group"));
    k.add(
        Knob.choice(
            "isolation.level",
            "read_committed",
            List.of("read_committed", "read_uncommitted"),
            "the downstream reader's isolation"));
    k.add(Knob.integer("transaction.timeout.ms", 1000, 1, 3_600_000, "coordinator aborts after"));
    k.add(
        Knob.choice(
            "transaction.version", "2", List.of("0", "2"), "KIP-890's transaction version"));
    k.add(Knob.integer("partitions", 3, 1, 64, "source partitions (the output topic as many)"));
    k.addAll(KafkaKnobs.brokerKnobs());
    k.add(Knob.integer("delivery.timeout.ms", 1500, 1, 3_600_000, "give a record up after this"));
    k.add(Knob.integer("request.timeout.ms", 150, 1, 3_600_000, "send a request again after this"));
    k.add(Knob.integer("retry.backoff.ms", 20, 0, 60_000, "wait before a retry"));
    k.add(Knob.integer("keys", 16, 1, 1_000_000, "distinct keys of the source records"));
    k.add(Knob.integer("send-interval-ms", 10, 1, 60_000, "the source producer sends this often"));
    k.add(
        Knob.choice(
            "bug",
            "none",
            List.of("none", "zombie-controller"),
            "reintroduce a known mistake (zombie-controller: controller=zk only)"));
    k.add(Knob.choice("fault", "generated", FAULTS, "forced fault, or generated"));
    k.add(Knob.integer("duration-ms", 2000, 100, 3_600_000, "length of the fault phase"));
    k.add(Knob.integer("drain-ms", 1500, 100, 3_600_000, "after the heal, the reader reads then"));
    k.add(Knob.integer("liveness-ms", 3000, 100, 3_600_000, "time allowed after the heal"));
    k.add(
        Knob.set(
            "allow",
            "none",
            ANOMALY_CLASSES,
            "anomaly classes that do not fail the run (lost, duplicate)"));
    // The controller-pause nemesis is kafka-produce's and kafka-txn's; this scenario does not run
    // it, so it does not offer its knob.
    for (Knob c : KafkaKnobs.controllerKnobs()) {
      if (!c.name().equals("controller-pause-rate")) {
        k.add(c);
      }
    }
    k.addAll(FaultKnobs.knobs("all"));
    return k;
  }

  /** The cluster rules of the other Kafka scenarios, and the group's own. */
  static void check(Knobs k) {
    KafkaKnobs.checkCluster(k);
    long hb = k.getLong("heartbeat.interval.ms");
    long session = k.getLong("session.timeout.ms");
    if (hb >= session) {
      throw new KnobException(
          "heartbeat.interval.ms="
              + hb
              + " must be lower than session.timeout.ms="
              + session
              + ", as Kafka's consumer requires");
    }
    if (k.get("commit").equals("transactional") && k.getInt("min.insync.replicas") < 1) {
      throw new KnobException("commit=transactional needs acks=all and min.insync.replicas");
    }
  }

  static ReplogConfig replog(Knobs k) {
    int brokers = k.getInt("brokers");
    return new ReplogConfig(
        brokers,
        brokers,
        2 * k.getInt("partitions") + 2,
        k.getInt("replication.factor"),
        k.getInt("min.insync.replicas"),
        k.getLong("replica.lag.time.max.ms") * 1000,
        k.getBool("unclean.leader.election.enable"),
        false,
        false,
        k.getLong("broker.heartbeat.interval.ms") * 1000,
        k.getLong("broker.session.timeout.ms") * 1000,
        20_000,
        100_000,
        500,
        new TxnConfig(1, Integer.parseInt(k.get("transaction.version")), 100_000, 50_000, 1));
  }

  static ProducerConfig source(Knobs k, long stopMicros, ControlPlane plane) {
    return new ProducerConfig(
        -1,
        true,
        Integer.MAX_VALUE,
        5,
        5_000,
        16,
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

  static PipelineConfig consumer(
      Knobs k, ReplogConfig replog, String name, ControlPlane plane, int sink) {
    boolean txn = k.get("commit").equals("transactional");
    TxnProducerConfig output =
        new TxnProducerConfig(
            txn ? "pipeline-" + name : null,
            k.getLong("transaction.timeout.ms") * 1000,
            1,
            1,
            replog.partitions(),
            1000,
            k.getLong("request.timeout.ms") * 1000,
            k.getLong("delivery.timeout.ms") * 1000,
            k.getLong("retry.backoff.ms") * 1000,
            16,
            0,
            Long.MAX_VALUE,
            plane.bootstrapFirst(),
            replog.txnStatePartition(txn ? "pipeline-" + name : "none"));
    return new PipelineConfig(
        GROUP,
        k.get("group.instance.id").equals("none") ? null : name,
        PipelineConfig.Commit.of(k.get("commit")),
        k.get("partition.assignment.strategy"),
        k.getLong("session.timeout.ms") * 1000,
        k.getLong("heartbeat.interval.ms") * 1000,
        k.getLong("max.poll.interval.ms") * 1000,
        k.getLong("auto.commit.interval.ms") * 1000,
        k.getInt("max.poll.records"),
        k.getLong("processing-ms") * 1000,
        20_000,
        k.getInt("partitions"),
        sink,
        replog.groupPartition(GROUP),
        output,
        plane.bootstrapCount());
  }

  /** The downstream reader: every data partition, source and output, from offset 0 at the end. */
  static ConsumerConfig reader(
      Knobs k, ReplogConfig replog, long finalReadMicros, ControlPlane plane) {
    return new ConsumerConfig(
        replog.dataPartitions(),
        50_000,
        500,
        k.getLong("request.timeout.ms") * 1000,
        finalReadMicros,
        plane.bootstrapFirst(),
        k.get("isolation.level").equals("read_committed"),
        0,
        plane.bootstrapCount());
  }

  /** When the reader reads both topics: the source producer is done, the pipeline drained. */
  static long finalReadMicros(Knobs k) {
    return (k.getLong("duration-ms") + k.getLong("drain-ms")) * 1000;
  }
}
