package dev.faultline.scenarios.kafka;

import dev.faultline.checker.history.Op;
import dev.faultline.models.producer.ConsumerClient;
import dev.faultline.models.producer.ConsumerConfig;
import dev.faultline.models.producer.ProducerClient;
import dev.faultline.models.producer.ProducerConfig;
import dev.faultline.models.replog.Broker;
import dev.faultline.models.replog.Controller;
import dev.faultline.models.replog.PartitionReplica;
import dev.faultline.models.replog.ReplogConfig;
import dev.faultline.models.replog.ReplogInvariants;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.Histories;
import dev.faultline.scenarios.HistoryCheck;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Phases;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import dev.faultline.sim.Invariant;
import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.FaultSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code kafka-produce}: brokers b1.. (a replicated log), a controller {@code ctl}, producers p1..
 * and a consumer c1. Producers send unique records during the fault phase; after the heal the
 * consumer rereads every partition from offset 0 to its end, and the delivery checker judges the
 * history. A run fails when it finds an anomaly class not listed in {@code allow}, when the final
 * read does not finish, or when a replicated-log invariant breaks.
 */
public final class KafkaProduceScenario implements Scenario {
  @Override
  public String name() {
    return "kafka-produce";
  }

  @Override
  public String description() {
    return "Kafka-style replicated log, idempotent producer and consumer under leader faults;"
        + " checks lost, duplicated and reordered records.";
  }

  @Override
  public List<Knob> knobs() {
    return KafkaKnobs.all();
  }

  /** The delivery checks, with the consumer's final read and the anomaly classes {@code allow}s. */
  @Override
  public Optional<HistoryCheck> historyCheck(Knobs knobs) {
    return Optional.of(
        new HistoryCheck.Delivery(
            List.copyOf(KafkaKnobs.allowed(knobs)), KafkaKnobs.finalReadMicros(knobs) * 1000));
  }

  @Override
  public ScenarioResult run(RunSpec spec) {
    Knobs k = spec.knobs();
    long faultEnd = k.getLong("duration-ms") * 1000;
    long livenessEnd = faultEnd + k.getLong("liveness-ms") * 1000;
    ReplogConfig replog = KafkaKnobs.replog(k);
    Simulation sim =
        new Simulation(
            SimConfig.of(spec.seed())
                .withFullTrace(spec.fullTrace())
                .withBounds(livenessEnd + 1, 20_000_000L));
    List<String> brokers = new ArrayList<>();
    for (int i = 1; i <= replog.brokers(); i++) {
      brokers.add("b" + i);
      sim.addNode("b" + i, () -> new Broker(replog));
    }
    int ctl = sim.addNode("ctl", () -> new Controller(replog));
    ProducerConfig pc = KafkaKnobs.producer(k, faultEnd, ctl);
    List<Integer> producers = new ArrayList<>();
    for (int i = 1; i <= k.getInt("producers"); i++) {
      long process = i;
      producers.add(sim.addNode("p" + i, () -> new ProducerClient(pc, sim.history(), process)));
    }
    long finalRead = KafkaKnobs.finalReadMicros(k);
    ConsumerConfig cc = KafkaKnobs.consumer(k, finalRead, ctl);
    long consumerProcess = producers.size() + 1L;
    int consumer = sim.addNode("c1", () -> new ConsumerClient(cc, sim.history(), consumerProcess));
    for (Invariant inv : ReplogInvariants.forConfig(replog)) {
      sim.addInvariant(inv);
    }

    String fault = k.get("fault");
    KafkaFaults forced = null;
    FaultSchedule schedule;
    if (spec.schedule() != null || fault.equals("generated")) {
      schedule = FaultKnobs.schedule(spec, brokers, 0, faultEnd);
      sim.schedule(schedule);
    } else {
      schedule = FaultSchedule.empty();
      if (!fault.equals("none")) {
        forced =
            new KafkaFaults(
                sim,
                brokers,
                "ctl",
                "p1",
                spec.seed(),
                k.getDouble("loss-rate"),
                k.getDouble("duplicate-rate"));
        forced.arm(fault, k.getBool("stale-replica"));
      }
    }
    sim.runUntil(faultEnd);
    Phases.healAll(sim, brokers);
    boolean done =
        sim.runUntil(livenessEnd, () -> ((ConsumerClient) sim.node(consumer)).finished());
    if (forced != null) {
      schedule = forced.applied();
    }

    List<Op> ops = Histories.toOps(sim.history());
    KafkaVerdicts.Judgement judgement = KafkaVerdicts.judge(ops, consumerProcess, finalRead * 1000);
    Set<String> allowed = KafkaKnobs.allowed(k);
    List<Verdict> verdicts = new ArrayList<>();
    verdicts.add(KafkaVerdicts.delivery(judgement, allowed));
    verdicts.add(liveness(done, sim, faultEnd, k));
    verdicts.add(invariants(sim, replog));
    SortedMap<String, Double> metrics = new TreeMap<>();
    KafkaVerdicts.metrics(judgement, sim.history(), pc.requestTimeoutMicros(), metrics);
    Controller c = (Controller) sim.node(ctl);
    metrics.put("elections", (double) c.elections());
    metrics.put("committed.truncated", (double) truncatedCommitted(sim, replog));
    metrics.put("events", (double) sim.eventCount());
    return new ScenarioResult(
        name(),
        spec.seed(),
        k,
        schedule,
        sim.trace(),
        sim.nowMicros(),
        ops,
        verdicts,
        metrics,
        sim.nodeNames());
  }

  private static Verdict liveness(boolean done, Simulation sim, long faultEnd, Knobs k) {
    if (done) {
      return Verdict.pass(
          "liveness",
          String.format(
              Locale.ROOT,
              "the consumer read every partition to its end %.0f ms after the heal",
              (sim.nowMicros() - faultEnd) / 1000.0));
    }
    return Verdict.fail(
        "liveness",
        "the consumer did not read every partition to its end within "
            + k.getLong("liveness-ms")
            + " ms of the heal",
        List.of("some partition had no leader, or its leader did not answer"));
  }

  private static Verdict invariants(Simulation sim, ReplogConfig replog) {
    List<String> names = new ArrayList<>();
    for (Invariant inv : ReplogInvariants.forConfig(replog)) {
      names.add(inv.name());
    }
    String note =
        names.size() < 3
            ? " (unclean election or the truncation bug may drop committed records by design, so"
                + " only these apply)"
            : "";
    return Verdict.pass(
        "invariants",
        "held after every one of "
            + sim.eventCount()
            + " events: "
            + String.join(", ", names)
            + note);
  }

  private static long truncatedCommitted(Simulation sim, ReplogConfig replog) {
    long n = 0;
    for (int b = 0; b < replog.brokers(); b++) {
      if (sim.node(b) instanceof Broker broker) {
        for (int p = 0; p < replog.partitions(); p++) {
          PartitionReplica r = broker.partition(p);
          n += r == null ? 0 : r.truncatedBelowHighWatermark();
        }
      }
    }
    return n;
  }
}
