package dev.faultline.scenarios.compose;

import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.sim.fault.FaultGenerator;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.fault.TimedFault;
import java.util.ArrayList;

/**
 * The shared fault generator as a nemesis: the knobs {@code faults}, {@code swarm}, {@code
 * fault-gap-ms}, {@code fault-duration-ms}, {@code max-down}, the loss, duplication and skew knobs
 * draw a schedule of episodes over the servers from the seed's {@code fault-schedule} stream, each
 * episode over by the end of the fault phase. Its crashes and pauses also pass the plane's {@code
 * max-down} check, against whatever the other nemeses have taken down.
 */
public final class GeneratedFaults implements Nemesis {
  @Override
  public String name() {
    return "fault-schedule";
  }

  @Override
  public void start(NemesisContext ctx) {
    FaultSchedule drawn =
        new FaultGenerator(FaultKnobs.rates(ctx.knobs()))
            .generate(
                ctx.random(),
                new ArrayList<>(ctx.servers()),
                ctx.sim().nowMicros(),
                ctx.faultEndMicros());
    for (TimedFault f : drawn.faults()) {
      ctx.plane().at(f.atMicros(), f.fault());
    }
  }
}
