package dev.faultline.scenarios.kafka;

import dev.faultline.scenarios.compose.FaultPlane;
import dev.faultline.scenarios.compose.Nemesis;
import dev.faultline.scenarios.compose.NemesisContext;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;

/**
 * {@code kafka-controller}'s faults: the active controller crashes at the timeline's time (which
 * controller is active is looked up then) and restarts at the end of its window; the failed broker
 * crashes and restarts; the stopped broker, once its controlled shutdown is over, exits (a crash,
 * after which it restarts with the heal). Every fault goes through the plane and prints.
 */
final class ControllerExperiment implements Nemesis {
  private final ControlPlane control;
  private final ControllerTimeline timeline;
  private final String failedBroker;
  private final String stoppedBroker;

  ControllerExperiment(
      ControlPlane control,
      ControllerTimeline timeline,
      String failedBroker,
      String stoppedBroker) {
    this.control = control;
    this.timeline = timeline;
    this.failedBroker = failedBroker;
    this.stoppedBroker = stoppedBroker;
  }

  @Override
  public String name() {
    return "controller-experiment";
  }

  @Override
  public void start(NemesisContext ctx) {
    Simulation sim = ctx.sim();
    FaultPlane plane = ctx.plane();
    sim.at(
        timeline.controllerCrash(),
        () -> {
          String active = activeController(sim);
          plane.strike(new Fault.Crash(active));
          plane.at(timeline.controllerRestart(), new Fault.Restart(active));
        });
    plane.at(timeline.brokerCrash(), new Fault.Crash(failedBroker));
    plane.at(timeline.brokerRestart(), new Fault.Restart(failedBroker));
    plane.at(timeline.shutdownExit(), new Fault.Crash(stoppedBroker));
  }

  /** The controller node that is active now (the first controller if none is). */
  private String activeController(Simulation sim) {
    for (String name : control.controllerNames()) {
      int id = sim.idOf(name);
      if (sim.isUp(id) && !control.activeOtherThan(sim, id) && anyActive(sim)) {
        return name;
      }
    }
    return control.controllerNames().get(0);
  }

  private boolean anyActive(Simulation sim) {
    return control.activeOtherThan(sim, -1);
  }
}
