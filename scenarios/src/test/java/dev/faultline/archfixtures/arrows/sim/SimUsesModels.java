package dev.faultline.archfixtures.arrows.sim;

import dev.faultline.archfixtures.arrows.models.ModelPart;

/** The simulator must know nothing of the models. */
public final class SimUsesModels {
  ModelPart part;
}
