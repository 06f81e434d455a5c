package dev.faultline.archfixtures.arrows.checker;

import dev.faultline.archfixtures.arrows.sim.SimPart;

/** The checker must know nothing of the simulator. */
public final class CheckerUsesSim {
  SimPart part;
}
