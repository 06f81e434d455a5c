package dev.faultline.scenarios.kafka;

import dev.faultline.models.producer.ConsumerClient;
import dev.faultline.models.producer.ConsumerConfig;
import dev.faultline.models.producer.ProducerClient;
import dev.faultline.models.producer.ProducerConfig;
import dev.faultline.models.replog.ReplogConfig;
import dev.faultline.models.replog.ReplogInvariants;
import dev.faultline.models.replog.ShutdownOperator;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.compose.ComposedScenario;
import dev.faultline.scenarios.compose.Setup;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code kafka-controller}: what a failover costs against the partition count, per mode. A cluster
 * of controllers, brokers and up to a million partitions (metadata only, but for a few hot ones
 * with replicas and a producer's traffic) goes through three experiments at fixed times: the active
 * controller crashes (how long until another is active: {@code controller.failover.ms}), a broker
 * crashes (how long until the controller has moved every leadership off it: {@code
 * broker.failover.ms}), and another broker is stopped cleanly (how long its controlled shutdown
 * takes: {@code controlled.shutdown.ms}). The delivery checks run on the hot partitions' traffic.
 */
public final class KafkaControllerScenario extends ComposedScenario {
  /** How often the measurements look at the cluster (harness callbacks, not traced). */
  private static final long POLL_MICROS = 10_000;

  private static final String FAILED_BROKER = "b1";

  private static final String STOPPED_BROKER = "b2";

  @Override
  public String name() {
    return "kafka-controller";
  }

  @Override
  public String description() {
    return "KRaft against ZooKeeper mode: controller failover, a broker's failover and a"
        + " controlled shutdown, timed against the partition count (up to a million).";
  }

  @Override
  public List<Knob> knobs() {
    return ControllerKnobs.all();
  }

  @Override
  public List<String> distributionMetrics() {
    return List.of("controller.failover.ms", "broker.failover.ms", "controlled.shutdown.ms");
  }

  @Override
  protected long faultPhaseMicros(Knobs k) {
    long set = k.getLong("duration-ms") * 1000;
    return set > 0 ? set : ControllerTimeline.of(k).end();
  }

  @Override
  protected long maxEvents(Knobs knobs) {
    return 50_000_000L;
  }

  @Override
  protected void compose(Setup s) {
    Knobs k = s.knobs();
    ReplogConfig replog = ControllerKnobs.replog(k);
    int total = Math.max(k.getInt("partitions"), replog.partitions());
    ControlPlane control = KafkaKnobs.controlPlane(k, replog, total);
    control.add(s);
    Simulation sim = s.sim();
    ControllerTimeline t = ControllerTimeline.of(k);
    int stopped = sim.idOf(STOPPED_BROKER);
    s.node("op", () -> new ShutdownOperator(stopped, t.shutdownSignal()));
    long faultEnd = s.faultEndMicros();
    ProducerConfig pc = ControllerKnobs.producer(k, faultEnd, control);
    int producer = s.node("p1", () -> new ProducerClient(pc, sim.history(), 1));
    sim.history().nameProcess(1, "p1");
    long finalRead = faultEnd + pc.deliveryTimeoutMicros() / 4;
    ConsumerConfig cc = ControllerKnobs.consumer(k, finalRead, control);
    int consumer = s.node("c1", () -> new ConsumerClient(cc, sim.history(), 2));
    sim.history().nameProcess(2, "c1");
    ReplogInvariants.forConfig(replog).forEach(s::invariant);
    s.generatedFaults();
    s.nemesis(new ControllerExperiment(control, t, FAILED_BROKER, STOPPED_BROKER));
    ControllerMeasurements m =
        new ControllerMeasurements(sim, control, t, sim.idOf(FAILED_BROKER), stopped, POLL_MICROS);
    m.arm();
    s.liveness(
        () ->
            () ->
                ((ConsumerClient) sim.node(consumer)).finished()
                    && ((ProducerClient) sim.node(producer)).idle());
    s.checker(
        (o, metrics) -> {
          List<Verdict> out = new ArrayList<>();
          KafkaVerdicts.Judgement j = KafkaVerdicts.judge(o.history(), 2, finalRead * 1000);
          KafkaVerdicts.metrics(j, sim.history(), pc.requestTimeoutMicros(), metrics);
          out.add(KafkaVerdicts.delivery(j, Set.copyOf(new TreeSet<String>())));
          out.add(m.verdict(metrics));
          metrics.put("elections", (double) control.elections(sim));
          if (o.completed()) {
            out.add(
                o.live()
                    ? Verdict.pass("liveness", "the consumer read the hot partitions to their end")
                    : Verdict.fail(
                        "liveness",
                        "the consumer did not read every hot partition to its end within "
                            + k.getLong("liveness-ms")
                            + " ms of the heal",
                        List.of("some hot partition had no leader, or its leader did not answer")));
          }
          return out;
        });
  }
}
