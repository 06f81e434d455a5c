package dev.faultline.scenarios.kafka;

import dev.faultline.scenarios.Verdict;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * Times {@code kafka-controller}'s three experiments by looking at the cluster every few
 * milliseconds of virtual time from each strike (harness callbacks, neither traced nor counted):
 * until another controller is active, until the active controller shows the failed broker leading
 * nothing, until the stopping broker is told it may stop.
 */
final class ControllerMeasurements {
  private final Simulation sim;
  private final ControlPlane control;
  private final ControllerTimeline timeline;
  private final int failedBroker;
  private final int stoppedBroker;
  private final long pollMicros;
  private int crashedController = -1;
  private long controllerFailover = -1;
  private long brokerFailover = -1;
  private long controlledShutdown = -1;

  ControllerMeasurements(
      Simulation sim,
      ControlPlane control,
      ControllerTimeline timeline,
      int failedBroker,
      int stoppedBroker,
      long pollMicros) {
    this.sim = sim;
    this.control = control;
    this.timeline = timeline;
    this.failedBroker = failedBroker;
    this.stoppedBroker = stoppedBroker;
    this.pollMicros = pollMicros;
  }

  void arm() {
    sim.at(timeline.controllerCrash() + 2, this::pollController);
    sim.at(timeline.brokerCrash() + 1, this::pollBroker);
    sim.at(timeline.shutdownSignal(), this::pollShutdown);
  }

  private void pollController() {
    long now = sim.nowMicros();
    if (crashedController < 0) {
      for (String name : control.controllerNames()) {
        if (!sim.isUp(sim.idOf(name))) {
          crashedController = sim.idOf(name);
        }
      }
    }
    if (crashedController >= 0 && control.activeOtherThan(sim, crashedController)) {
      controllerFailover = now - timeline.controllerCrash() - 1;
    } else if (now < timeline.controllerRestart()) {
      sim.at(now + pollMicros, this::pollController);
    }
  }

  private void pollBroker() {
    long now = sim.nowMicros();
    if (control.leaderships(sim, failedBroker) == 0) {
      brokerFailover = now - timeline.brokerCrash();
    } else if (now < timeline.brokerRestart()) {
      sim.at(now + pollMicros, this::pollBroker);
    }
  }

  private void pollShutdown() {
    long now = sim.nowMicros();
    if (control.shutDownGranted(sim, stoppedBroker)) {
      controlledShutdown = now - timeline.shutdownSignal();
    } else if (now < timeline.shutdownExit()) {
      sim.at(now + pollMicros, this::pollShutdown);
    }
  }

  /** The three times as metrics (absent when not measured in time), and whether all were. */
  Verdict verdict(SortedMap<String, Double> metrics) {
    put(metrics, "controller.failover.ms", controllerFailover);
    put(metrics, "broker.failover.ms", brokerFailover);
    put(metrics, "controlled.shutdown.ms", controlledShutdown);
    List<String> missing = new ArrayList<>();
    if (controllerFailover < 0) {
      missing.add("no other controller was active before the crashed one restarted");
    }
    if (brokerFailover < 0) {
      missing.add("the failed broker still led partitions when it restarted");
    }
    if (controlledShutdown < 0) {
      missing.add("the controlled shutdown was not granted within its window");
    }
    String summary =
        String.format(
            Locale.ROOT,
            "controller failover %.0f ms, broker failover %.0f ms, controlled shutdown %.0f ms",
            ms(controllerFailover),
            ms(brokerFailover),
            ms(controlledShutdown));
    return missing.isEmpty()
        ? Verdict.pass("experiments", summary)
        : Verdict.fail("experiments", summary, missing);
  }

  private static void put(SortedMap<String, Double> metrics, String name, long micros) {
    if (micros >= 0) {
      metrics.put(name, ms(micros));
    }
  }

  private static double ms(long micros) {
    return micros < 0 ? -1 : micros / 1000.0;
  }
}
