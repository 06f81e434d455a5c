package dev.faultline.scenarios.kafka;

import dev.faultline.models.producer.ConsumerClient;
import dev.faultline.models.producer.TxnProducerClient;
import dev.faultline.models.producer.TxnProducerConfig;
import dev.faultline.models.replog.ReplogConfig;
import dev.faultline.models.replog.ReplogInvariants;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.compose.ComposedScenario;
import dev.faultline.scenarios.compose.Setup;
import dev.faultline.sim.RandomStream;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code kafka-txn}: brokers b1.. with a transaction coordinator on an internal partition, a
 * controller {@code ctl}, transactional producers p1.. (one transactional id each) whose
 * transactions spread over partitions by key, a consumer c1 at the configured isolation level and a
 * read_uncommitted observer c2. After the heal both reread every partition from offset 0; the
 * delivery checker judges c1's reads against what the producers committed and aborted.
 */
public final class KafkaTxnScenario extends ComposedScenario {
  @Override
  public String name() {
    return "kafka-txn";
  }

  @Override
  public String description() {
    return "Kafka transactions: coordinator on a replicated partition, markers, last stable offset,"
        + " read_committed, fencing, KIP-890; checks G1a, torn, lost and zombie writes.";
  }

  @Override
  public List<Knob> knobs() {
    return KafkaTxnKnobs.all();
  }

  @Override
  public void checkKnobs(Knobs knobs) {
    KafkaTxnKnobs.check(knobs);
  }

  @Override
  protected long maxEvents(Knobs knobs) {
    return 20_000_000L;
  }

  @Override
  protected void compose(Setup s) {
    Knobs k = s.knobs();
    Simulation sim = s.sim();
    long faultEnd = s.faultEndMicros();
    ReplogConfig replog = KafkaTxnKnobs.replog(k);
    ControlPlane control = KafkaKnobs.controlPlane(k, replog, replog.partitions());
    control.add(s);
    int n = k.getInt("producers");
    List<Integer> producerNodes = new ArrayList<>();
    Set<Long> producerProcesses = new TreeSet<>();
    for (int i = 1; i <= n; i++) {
      TxnProducerConfig pc = KafkaTxnKnobs.producer(k, replog, "txn-" + i, faultEnd, control);
      producerNodes.add(producer(s, "p" + i, i, pc));
      producerProcesses.add((long) i);
    }
    long txnTimeout = k.getLong("transaction.timeout.ms") * 1000;
    long finalRead = faultEnd + txnTimeout + 300_000;
    boolean readCommitted = k.get("isolation.level").equals("read_committed");
    long checked = n + 1L;
    long observer = n + 2L;
    int c1 =
        s.node(
            "c1",
            () ->
                new ConsumerClient(
                    KafkaTxnKnobs.consumer(k, replog, finalRead, readCommitted, control),
                    sim.history(),
                    checked));
    int c2 =
        s.node(
            "c2",
            () ->
                new ConsumerClient(
                    KafkaTxnKnobs.consumer(k, replog, finalRead, false, control),
                    sim.history(),
                    observer));
    sim.history().nameProcess(checked, "c1");
    sim.history().nameProcess(observer, "c2");
    ReplogInvariants.forConfig(replog).forEach(s::invariant);
    faults(s, k, replog, control, txnTimeout, producerNodes, producerProcesses);
    s.liveness(
        () ->
            () ->
                ((ConsumerClient) sim.node(c1)).finished()
                    && ((ConsumerClient) sim.node(c2)).finished());
    s.checker(
        (o, metrics) -> {
          KafkaTxnVerdicts.Judgement j =
              KafkaTxnVerdicts.judge(o.history(), producerProcesses, checked, observer);
          Set<String> allowed = new TreeSet<>(List.of(k.get("allow").split(",")));
          KafkaTxnVerdicts.metrics(j, metrics);
          producerMetrics(sim, producerNodes, metrics);
          if (readCommitted) {
            metrics.put("lso.lag.max", (double) ((ConsumerClient) sim.node(c1)).maxLsoLag());
          }
          metrics.put("elections", (double) control.elections(sim));
          List<Verdict> out = new ArrayList<>();
          out.add(KafkaTxnVerdicts.delivery(j, allowed));
          if (o.completed()) {
            out.add(liveness(o.live(), sim, faultEnd, k));
          }
          return out;
        });
  }

  private static int producer(Setup s, String name, long process, TxnProducerConfig pc) {
    Simulation sim = s.sim();
    sim.history().nameProcess(process, name);
    return s.node(name, () -> new TxnProducerClient(pc, sim.history(), process));
  }

  /** The generated schedule, or one forced fault (the zombie's replacement joins here too). */
  private static void faults(
      Setup s,
      Knobs k,
      ReplogConfig replog,
      ControlPlane control,
      long txnTimeout,
      List<Integer> producerNodes,
      Set<Long> producerProcesses) {
    String fault = k.get("fault");
    if (fault.equals("generated")) {
      s.generatedFaults();
      ControllerPause.addIfDrawn(s, k, control);
      return;
    }
    if (fault.equals("none")) {
      return;
    }
    if (KafkaTxnFaults.handles(fault)) {
      long t0 = 400_000 + RandomStream.of(s.seed(), "kafka-txn-fault").nextLong(0, 300_000);
      long pause = txnTimeout + 200_000;
      if (fault.equals("zombie-producer")) {
        long process = k.getInt("producers") + 3L;
        TxnProducerConfig pc =
            KafkaTxnKnobs.producer(k, replog, "txn-1", s.faultEndMicros(), control)
                .startingAt(t0 + 200_000);
        producerNodes.add(producer(s, "p1b", process, pc));
        producerProcesses.add(process);
      }
      s.nemesis(
          new KafkaTxnFaults(fault, t0, pause, "p1", control, replog.txnStatePartition("txn-1")));
      return;
    }
    int needed = KafkaFaults.brokersDown(fault, replog.replicationFactor());
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
    s.nemesis(
        new KafkaFaults(
            fault,
            false,
            control,
            replog.replicas(0),
            "p1",
            k.getDouble("loss-rate"),
            k.getDouble("duplicate-rate")));
  }

  private static void producerMetrics(
      Simulation sim, List<Integer> nodes, java.util.SortedMap<String, Double> metrics) {
    long commits = 0;
    long aborts = 0;
    long fenced = 0;
    for (int id : nodes) {
      if (sim.node(id) instanceof TxnProducerClient p) {
        commits += p.commits();
        aborts += p.aborts();
        fenced += p.fenced() ? 1 : 0;
      }
    }
    metrics.put("commits", (double) commits);
    metrics.put("aborts", (double) aborts);
    metrics.put("producers.fenced", (double) fenced);
  }

  private static Verdict liveness(boolean done, Simulation sim, long faultEnd, Knobs k) {
    if (done) {
      return Verdict.pass(
          "liveness",
          String.format(
              Locale.ROOT,
              "both consumers read every partition to its end %.0f ms after the heal",
              (sim.nowMicros() - faultEnd) / 1000.0));
    }
    return Verdict.fail(
        "liveness",
        "the consumers did not read every partition to its end within "
            + k.getLong("liveness-ms")
            + " ms of the heal",
        List.of("some partition had no leader, or its leader did not answer"));
  }
}
