package dev.faultline.scenarios.kafka;

import dev.faultline.models.producer.ConsumerClient;
import dev.faultline.models.producer.ConsumerConfig;
import dev.faultline.models.producer.ProducerClient;
import dev.faultline.models.producer.ProducerConfig;
import dev.faultline.models.replog.Broker;
import dev.faultline.models.replog.PartitionReplica;
import dev.faultline.models.replog.ReplogConfig;
import dev.faultline.models.replog.ReplogInvariants;
import dev.faultline.scenarios.HistoryCheck;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.compose.ComposedScenario;
import dev.faultline.scenarios.compose.Setup;
import dev.faultline.sim.Invariant;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kafka-produce}: brokers b1.. (a replicated log), a controller {@code ctl}, producers p1..
 * and a consumer c1. Producers send unique records during the fault phase; after the heal the
 * consumer rereads every partition from offset 0 to its end, and the delivery checker judges the
 * history. A run fails when it finds an anomaly class not listed in {@code allow}, when the final
 * read does not finish, or when a replicated-log invariant breaks.
 */
public final class KafkaProduceScenario extends ComposedScenario {
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
  public void checkKnobs(Knobs knobs) {
    KafkaKnobs.check(knobs);
  }

  @Override
  public java.util.SortedMap<String, String> knobsInEffect(Knobs knobs) {
    return KafkaKnobs.inEffect(knobs);
  }

  @Override
  protected long maxEvents(Knobs knobs) {
    return 20_000_000L;
  }

  @Override
  protected void compose(Setup s) {
    Knobs k = s.knobs();
    long faultEnd = s.faultEndMicros();
    ReplogConfig replog = KafkaKnobs.replog(k);
    ControlPlane control = KafkaKnobs.controlPlane(k, replog, replog.partitions());
    control.flush(KafkaKnobs.flush(k)).add(s);
    ProducerConfig pc = KafkaKnobs.producer(k, faultEnd, control);
    Simulation sim = s.sim();
    List<Integer> producers = new ArrayList<>();
    for (int i = 1; i <= k.getInt("producers"); i++) {
      long process = i;
      producers.add(s.node("p" + i, () -> new ProducerClient(pc, sim.history(), process)));
      sim.history().nameProcess(process, "p" + i);
    }
    long finalRead = KafkaKnobs.finalReadMicros(k);
    ConsumerConfig cc = KafkaKnobs.consumer(k, finalRead, control);
    long consumerProcess = producers.size() + 1L;
    int consumer = s.node("c1", () -> new ConsumerClient(cc, sim.history(), consumerProcess));
    sim.history().nameProcess(consumerProcess, "c1");
    List<Invariant> invariants = ReplogInvariants.forConfig(replog, KafkaKnobs.flush(k));
    invariants.forEach(s::invariant);
    if (invariants.size() < 3) {
      s.invariantNote(
          " (unclean election, the truncation bug or logs not fsynced at every append may drop"
              + " committed records by design, so only these apply)");
    }
    String fault = k.get("fault");
    if (fault.equals("generated")) {
      s.generatedFaults();
      ControllerPause.addIfDrawn(s, k, control);
    } else if (!fault.equals("none")) {
      s.nemesis(
          new KafkaFaults(
              fault,
              k.getBool("stale-replica"),
              control,
              replog.replicas(0),
              "p1",
              k.getDouble("loss-rate"),
              k.getDouble("duplicate-rate")));
    }
    s.liveness(() -> () -> ((ConsumerClient) sim.node(consumer)).finished());
    s.checker(
        (o, metrics) -> {
          KafkaVerdicts.Judgement judgement =
              KafkaVerdicts.judge(o.history(), consumerProcess, finalRead * 1000);
          Set<String> allowed = KafkaKnobs.allowed(k);
          KafkaVerdicts.metrics(judgement, sim.history(), pc.requestTimeoutMicros(), metrics);
          metrics.put("elections", (double) control.elections(sim));
          metrics.put("committed.truncated", (double) truncatedCommitted(sim, replog));
          List<Verdict> out = new ArrayList<>();
          out.add(KafkaVerdicts.delivery(judgement, allowed));
          if (o.completed()) {
            out.add(liveness(o.live(), sim, faultEnd, k));
          }
          return out;
        });
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
