package dev.faultline.archfixtures.arrows.reports;

import dev.faultline.archfixtures.arrows.models.ModelPart;

/** Reports must know nothing of models. */
public final class ReportsUseModels {
  ModelPart part;
}
