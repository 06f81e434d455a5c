package dev.faultline.scenarios.kafka;

import dev.faultline.models.producer.ConsumerClient;
import dev.faultline.models.producer.EffectSink;
import dev.faultline.models.producer.PipelineConfig;
import dev.faultline.models.producer.PipelineConsumer;
import dev.faultline.models.producer.ProducerClient;
import dev.faultline.models.producer.ProducerConfig;
import dev.faultline.models.replog.ReplogConfig;
import dev.faultline.models.replog.ReplogInvariants;
import dev.faultline.scenarios.Knob;
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
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * {@code kafka-pipeline}: a keyed source topic written by {@code p1}, a consumer group {@code
 * c1..cN} that reads it, transforms each record and writes the result to the output topic and/or a
 * sink, committing its offsets as {@code commit} says; the group coordinator keeps its state on an
 * offsets partition of the same brokers. After the heal the reader {@code r1} reads both topics
 * from offset 0 (at {@code isolation.level}); the check counts each input record's effects.
 */
public final class KafkaPipelineScenario extends ComposedScenario {
  @Override
  public String name() {
    return "kafka-pipeline";
  }

  @Override
  public String description() {
    return "Kafka consumer group (classic protocol) consuming, transforming and producing;"
        + " commits before/after processing, auto, or transactional; counts effects per record.";
  }

  @Override
  public List<Knob> knobs() {
    return KafkaPipelineKnobs.all();
  }

  @Override
  public void checkKnobs(Knobs knobs) {
    KafkaPipelineKnobs.check(knobs);
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
    ReplogConfig replog = KafkaPipelineKnobs.replog(k);
    ControlPlane control = KafkaKnobs.controlPlane(k, replog, replog.partitions());
    control.add(s);
    ProducerConfig source = KafkaPipelineKnobs.source(k, faultEnd, control);
    s.node("p1", () -> new ProducerClient(source, sim.history(), 1));
    sim.history().nameProcess(1, "p1");
    String sinkMode = k.get("sink");
    int sink =
        sinkMode.equals("none")
            ? -1
            : s.node("sink", () -> new EffectSink(sinkMode.equals("idempotent")));
    int n = k.getInt("consumers");
    List<Integer> consumers = new ArrayList<>();
    Set<Long> processes = new TreeSet<>();
    long stride = n + 2L;
    for (int i = 1; i <= n; i++) {
      String name = "c" + i;
      PipelineConfig pc = KafkaPipelineKnobs.consumer(k, replog, name, control, sink);
      long first = 1L + i;
      long[] incarnations = {0};
      // A restarted consumer is a new Jepsen process, as Jepsen gives a crashed client a new one:
      // what the old one had pending stays pending.
      consumers.add(
          s.node(
              name,
              () -> {
                long process = first + stride * incarnations[0]++;
                sim.history().nameProcess(process, name);
                processes.add(process);
                return new PipelineConsumer(pc, sim.history(), process);
              }));
    }
    long readerProcess = stride;
    long finalRead = KafkaPipelineKnobs.finalReadMicros(k);
    int reader =
        s.node(
            "r1",
            () ->
                new ConsumerClient(
                    KafkaPipelineKnobs.reader(k, replog, finalRead, control),
                    sim.history(),
                    readerProcess));
    sim.history().nameProcess(readerProcess, "r1");
    ReplogInvariants.forConfig(replog).forEach(s::invariant);
    faults(s, k, control, replog);
    s.liveness(() -> () -> ((ConsumerClient) sim.node(reader)).finished());
    s.checker(
        (o, metrics) -> {
          SortedMap<Long, Integer> effects = sink < 0 ? null : effects(sim, sink);
          PipelineVerdicts.Judgement j =
              PipelineVerdicts.judge(
                  o.history(),
                  processes,
                  sim.history().processNames(),
                  readerProcess,
                  k.getInt("partitions"),
                  effects);
          PipelineVerdicts.metrics(j, metrics);
          consumerMetrics(sim, consumers, metrics);
          metrics.put("elections", (double) control.elections(sim));
          List<Verdict> out = new ArrayList<>();
          Set<String> allowed = new TreeSet<>();
          if (!k.get("allow").equals("none")) {
            allowed.addAll(List.of(k.get("allow").split(",")));
          }
          out.add(PipelineVerdicts.delivery(j, allowed));
          if (o.completed()) {
            out.add(liveness(o.live(), sim, faultEnd, k));
          }
          return out;
        });
  }

  private static SortedMap<Long, Integer> effects(Simulation sim, int sink) {
    SortedMap<Long, Integer> out = new java.util.TreeMap<>();
    ((EffectSink) sim.node(sink)).effects().forEach((v, rows) -> out.put(v, rows.size()));
    return out;
  }

  private static void faults(Setup s, Knobs k, ControlPlane control, ReplogConfig replog) {
    String fault = k.get("fault");
    if (fault.equals("generated")) {
      s.generatedFaults();
      return;
    }
    if (fault.equals("none")) {
      return;
    }
    long t0 = 400_000 + RandomStream.of(s.seed(), "kafka-pipeline-fault").nextLong(0, 300_000);
    s.nemesis(
        new PipelineFaults(
            fault,
            t0,
            k.getLong("session.timeout.ms") * 1000,
            k.getInt("consumers"),
            control,
            replog.groupPartition(KafkaPipelineKnobs.GROUP)));
  }

  private static void consumerMetrics(
      Simulation sim, List<Integer> nodes, java.util.SortedMap<String, Double> metrics) {
    long commits = 0;
    long failed = 0;
    long generation = 0;
    for (int id : nodes) {
      if (sim.node(id) instanceof PipelineConsumer c) {
        commits += c.commits();
        failed += c.commitsFailed();
        generation = Math.max(generation, c.generation());
      }
    }
    metrics.put("commits", (double) commits);
    metrics.put("commits.failed", (double) failed);
    metrics.put("rebalances", (double) generation);
  }

  private static Verdict liveness(boolean done, Simulation sim, long faultEnd, Knobs k) {
    if (done) {
      return Verdict.pass(
          "liveness",
          String.format(
              Locale.ROOT,
              "the reader read both topics to their end %.0f ms after the heal",
              (sim.nowMicros() - faultEnd) / 1000.0));
    }
    return Verdict.fail(
        "liveness",
        "the reader did not read both topics to their end within "
            + k.getLong("liveness-ms")
            + " ms of the heal",
        List.of("some partition had no leader, or its leader did not answer"));
  }
}
