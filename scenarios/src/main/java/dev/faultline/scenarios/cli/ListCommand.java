package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code faultline list}: the scenario catalog, and with {@code --knobs} every knob. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the scenarios (and with --knobs, their knobs and defaults).")
public final class ListCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--knobs", description = "Also list every knob with its default and meaning.")
  boolean knobs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Scenario s : ScenarioRegistry.all()) {
      out.printf("%-16s %s%n", s.name(), s.description());
      if (knobs) {
        for (Knob k : s.knobs()) {
          out.printf("    %-34s %s%n", k.name() + "=" + k.defaultValue(), k.description());
        }
      }
    }
    if (!knobs) {
      out.println();
      out.println(
          "Knobs: faultline list --knobs.  Run: faultline run SCENARIO --seed N [--set KNOB=VALUE]...");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
