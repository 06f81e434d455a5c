package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Launcher;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.property.Case;
import dev.faultline.scenarios.property.CaseFile;
import dev.faultline.sim.fault.InvalidScheduleException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline replay CASE}: replays a saved case (seed, knobs and explicit fault schedule).
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Replay a saved case file, as the property harness writes them. Exit as run.")
public final class ReplayCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CASE", description = "A .case file.")
  Path file;

  @Override
  public Integer call() {
    Case c;
    try {
      c = CaseFile.read(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UserError(file + ": no such case file", ExitCodes.USAGE);
    } catch (IOException e) {
      throw new UserError("cannot read case " + file + ": " + e.getMessage(), ExitCodes.USAGE);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), ExitCodes.USAGE);
    }
    Scenario scenario =
        ScenarioRegistry.find(c.scenario())
            .orElseThrow(
                () ->
                    new UserError(
                        file + " names unknown scenario " + c.scenario(), ExitCodes.USAGE));
    Knobs knobs = ScenarioOptions.resolve(scenario, c.knobs());
    RunSpec run =
        RunSpec.of(c.seed(), knobs)
            .withSchedule(RunCommand.withinFaultPhase(c.schedule(), knobs, file));
    PrintWriter out = spec.commandLine().getOut();
    out.println("case: " + file + " (saved expecting " + c.expect() + ")");
    RunCommand.printConfiguration(out, scenario, run, false);
    long start = System.nanoTime();
    ScenarioResult result;
    try {
      result = ScenarioRunner.run(scenario, run);
    } catch (InvalidScheduleException e) {
      throw new UserError(file + ": " + e.getMessage(), ExitCodes.USAGE);
    }
    // The run line names the case as its schedule: the schedule replays, not one drawn anew.
    Summaries.print(out, result, (System.nanoTime() - start) / 1_000_000, file);
    out.println(
        "replay: "
            + Launcher.command()
            + " replay "
            + Launcher.quote(file.toAbsolutePath().normalize().toString()));
    out.flush();
    return Summaries.exitCode(result.status());
  }
}
