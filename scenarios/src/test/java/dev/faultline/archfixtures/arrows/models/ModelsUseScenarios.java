package dev.faultline.archfixtures.arrows.models;

import dev.faultline.archfixtures.arrows.scenarios.ScenarioPart;

/** Models must know nothing of scenarios. */
public final class ModelsUseScenarios {
  ScenarioPart part;
}
