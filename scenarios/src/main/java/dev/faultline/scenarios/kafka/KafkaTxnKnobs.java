package dev.faultline.scenarios.kafka;

import dev.faultline.models.producer.ConsumerConfig;
import dev.faultline.models.producer.TxnProducerConfig;
import dev.faultline.models.replog.ReplogConfig;
import dev.faultline.models.replog.TxnConfig;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Knobs;
import java.util.ArrayList;
import java.util.List;

/**
 * The knobs of {@code kafka-txn}: Kafka's settings under Kafka's names, the workload, the forced
 * fault and what the run tolerates. Defaults are Kafka 4.0's: transaction.version=2,
 * read_committed, acks=all (transactions require it), min.insync.replicas=2.
 */
final class KafkaTxnKnobs {
  static final List<String> FAULTS =
      List.of(
          "generated",
          "none",
          "leader-crash",
          "leader-isolated",
          "loss",
          "duplicate",
          "timeout-retry",
          "two-failovers",
          "zombie-producer",
          "coordinator-crash",
          "delayed-txn-request");

  static final List<String> ANOMALY_CLASSES =
      List.of(
          "lost",
          "duplicate",
          "G1a",
          "torn-transaction",
          "zombie-write",
          "nonmonotonic-lso",
          "reorder");

  private KafkaTxnKnobs() {}

  static List<Knob> all() {
    List<Knob> k = new ArrayList<>();
    k.add(
        Knob.choice(
            "transaction.version",
            "2",
            List.of("0", "2"),
            "2: KIP-890's epoch bump per transaction and partition verification; 0: before it"));
    k.add(
        Knob.choice(
            "isolation.level",
            "read_committed",
            List.of("read_committed", "read_uncommitted"),
            "the checked consumer's isolation (a read_uncommitted observer runs beside it)"));
    k.add(Knob.integer("transaction.timeout.ms", 1000, 1, 3_600_000, "coordinator aborts after"));
    k.add(
        Knob.integer(
            "transaction.state.log.num.partitions", 1, 1, 16, "internal coordinator partitions"));
    k.add(Knob.integer("partitions", 3, 1, 64, "data partitions"));
    k.addAll(KafkaKnobs.brokerKnobs());
    k.add(Knob.integer("delivery.timeout.ms", 600, 1, 3_600_000, "give a record up after this"));
    k.add(Knob.integer("request.timeout.ms", 150, 1, 3_600_000, "send a request again after this"));
    k.add(Knob.integer("retry.backoff.ms", 20, 0, 60_000, "wait before a retry"));
    k.add(
        Knob.choice(
            "bug",
            "none",
            List.of("none", "truncate-to-high-watermark"),
            "reintroduce a known mistake"));
    k.add(
        Knob.integer("producers", 2, 1, 16, "transactional producers, one transactional.id each"));
    k.add(Knob.integer("records-per-txn", 4, 1, 1000, "records in each transaction"));
    k.add(Knob.integer("keys", 16, 1, 1_000_000, "distinct record keys, spread over partitions"));
    k.add(
        Knob.integer("send-interval-ms", 20, 1, 60_000, "each producer sends a record this often"));
    k.add(Knob.integer("poll-interval-ms", 50, 1, 60_000, "the consumers poll this often"));
    k.add(
        Knob.integer(
            "lso-every", 5, 0, 1000, "every this many polls, ask for the last stable offset"));
    k.add(Knob.choice("fault", "generated", FAULTS, "forced fault, or generated"));
    k.add(Knob.integer("duration-ms", 2000, 100, 3_600_000, "length of the fault phase"));
    k.add(Knob.integer("liveness-ms", 3000, 100, 3_600_000, "time allowed after the heal"));
    k.add(
        Knob.set(
            "allow",
            "none",
            ANOMALY_CLASSES,
            "anomaly classes that do not fail the run ("
                + String.join(", ", ANOMALY_CLASSES)
                + ")"));
    k.addAll(KafkaKnobs.controllerKnobs());
    k.addAll(FaultKnobs.knobs("all"));
    return k;
  }

  /** Refuses conflicting settings as kafka-produce does ({@link KafkaKnobs#checkCluster}). */
  static void check(Knobs k) {
    KafkaKnobs.checkCluster(k);
  }

  static ReplogConfig replog(Knobs k) {
    int brokers = k.getInt("brokers");
    int rf = k.getInt("replication.factor");
    int state = k.getInt("transaction.state.log.num.partitions");
    return new ReplogConfig(
        brokers,
        brokers,
        k.getInt("partitions") + state,
        rf,
        k.getInt("min.insync.replicas"),
        k.getLong("replica.lag.time.max.ms") * 1000,
        k.getBool("unclean.leader.election.enable"),
        k.get("bug").equals("truncate-to-high-watermark"),
        false,
        k.getLong("broker.heartbeat.interval.ms") * 1000,
        k.getLong("broker.session.timeout.ms") * 1000,
        20_000,
        100_000,
        500,
        new TxnConfig(state, Integer.parseInt(k.get("transaction.version")), 100_000, 50_000));
  }

  static TxnProducerConfig producer(
      Knobs k, ReplogConfig replog, String transactionalId, long stopMicros, ControlPlane plane) {
    return new TxnProducerConfig(
        transactionalId,
        k.getLong("transaction.timeout.ms") * 1000,
        k.getInt("records-per-txn"),
        k.getInt("keys"),
        replog.dataPartitions(),
        k.getLong("send-interval-ms") * 1000,
        k.getLong("request.timeout.ms") * 1000,
        k.getLong("delivery.timeout.ms") * 1000,
        k.getLong("retry.backoff.ms") * 1000,
        16,
        0,
        stopMicros,
        plane.bootstrapFirst(),
        replog.txnStatePartition(transactionalId),
        plane.bootstrapCount());
  }

  static ConsumerConfig consumer(
      Knobs k,
      ReplogConfig replog,
      long finalReadMicros,
      boolean readCommitted,
      ControlPlane plane) {
    return new ConsumerConfig(
        replog.dataPartitions(),
        k.getLong("poll-interval-ms") * 1000,
        500,
        k.getLong("request.timeout.ms") * 1000,
        finalReadMicros,
        plane.bootstrapFirst(),
        readCommitted,
        k.getInt("lso-every"),
        plane.bootstrapCount());
  }
}
