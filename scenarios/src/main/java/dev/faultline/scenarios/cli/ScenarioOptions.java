package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  // A list, split here at the first '=', rather than picocli's map option: picocli reads quotes in
  // a map value as its own syntax and warns about them; a knob's value is taken as it is typed.
  @Option(
      names = "--set",
      paramLabel = "KNOB=VALUE",
      description = "Change a knob of the scenario (repeatable); 'faultline list' shows them.")
  List<String> sets = new ArrayList<>();

  /** The knobs given with --set, in order; a UserError for one that is not KNOB=VALUE. */
  Map<String, String> knobs() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String s : sets) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new UserError("--set takes KNOB=VALUE, such as --set nodes=3, not '" + s + "'");
      }
      out.put(s.substring(0, eq).strip(), s.substring(eq + 1));
    }
    return out;
  }

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

  /** The --set flags as given, quoted for a shell, for a printed command. */
  String setFlags() {
    StringBuilder sb = new StringBuilder();
    for (String s : sets) {
      sb.append(" --set ").append(dev.faultline.scenarios.Launcher.quote(s));
    }
    return sb.toString();
  }

  Knobs resolve(Scenario s) {
    return resolve(s, knobs());
  }

  static Knobs resolve(Scenario s, Map<String, String> values) {
    try {
      return Knobs.resolve(s, values);
    } catch (KnobException e) {
      throw new UserError(e.getMessage());
    }
  }
}
