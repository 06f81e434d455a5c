package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario name and {@code --set} knobs that run, sweep and compare share. */
final class ScenarioOptions {
  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description = "A scenario from 'faultline list'.")
  String scenarioName;

  @Option(
      names = "--set",
      paramLabel = "KNOB=VALUE",
      description = "Change a knob of the scenario (repeatable); 'faultline list' shows them.")
  Map<String, String> knobs = new LinkedHashMap<>();

  Scenario scenario() {
    return ScenarioRegistry.find(scenarioName)
        .orElseThrow(
            () ->
                new UserError(
                    "unknown scenario '"
                        + scenarioName
                        + "'; known scenarios: "
                        + ScenarioRegistry.all().stream()
                            .map(Scenario::name)
                            .collect(Collectors.joining(", "))));
  }

  Knobs resolve(Scenario s) {
    return resolve(s, knobs);
  }

  static Knobs resolve(Scenario s, Map<String, String> values) {
    try {
      return Knobs.resolve(s, values);
    } catch (KnobException e) {
      throw new UserError(e.getMessage());
    }
  }
}
