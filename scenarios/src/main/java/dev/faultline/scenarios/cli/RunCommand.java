package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.HistoryCheck;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.report.ReportException;
import dev.faultline.scenarios.report.RunReports;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.fault.InvalidScheduleException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code faultline run SCENARIO}: one seed, its configuration first, then its verdicts. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run one seed of a scenario and check it. Exit 0 pass, 1 fail, 3 unknown.")
public final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ScenarioOptions options;

  @Option(names = "--seed", paramLabel = "N", description = "The root seed (default: 1).")
  long seed = 1;

  @Option(
      names = "--schedule",
      paramLabel = "FILE",
      description = "Replay this fault schedule instead of generating one from the seed.")
  Path scheduleFile;

  @Option(
      names = "--self-check",
      description = "Run the seed twice and fail unless both runs give the same trace hash.")
  boolean selfCheck;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Also write the run's HTML report into DIR (see docs/reports.md).")
  Path reportDir;

  @Option(
      names = "--history",
      paramLabel = "FILE",
      description =
          "Also write what the clients saw to FILE: Jepsen EDN (.edn) or JSON lines (.jsonl); see"
              + " docs/histories.md.")
  Path historyFile;

  @Override
  public Integer call() {
    Scenario scenario = options.scenario();
    Knobs knobs = options.resolve(scenario);
    HistoryCheck historyCheck = null;
    if (historyFile != null) {
      HistoryFiles.formatOf(historyFile);
      historyCheck = HistoryFiles.checkOf(scenario, knobs);
    }
    RunSpec run = RunSpec.of(seed, knobs);
    if (scheduleFile != null) {
      run = run.withSchedule(readSchedule(scheduleFile));
    }
    run = run.withFullTrace(reportDir != null);
    PrintWriter out = spec.commandLine().getOut();
    printConfiguration(out, scenario, run);
    long start = System.nanoTime();
    ScenarioResult result;
    try {
      result = ScenarioRunner.run(scenario, run);
    } catch (InvalidScheduleException e) {
      throw new UserError(scheduleFile + ": " + e.getMessage(), ExitCodes.USAGE);
    }
    long wallMillis = (System.nanoTime() - start) / 1_000_000;
    Summaries.print(out, result, wallMillis, scheduleFile);
    if (historyCheck != null) {
      HistoryFiles.write(historyFile, result, historyCheck);
      out.println(
          "history: "
              + historyFile
              + " ("
              + result.history().size()
              + " entries; ./faultline check "
              + historyFile
              + " judges it as this run did)");
    }
    if (reportDir != null) {
      try {
        out.println("report: " + RunReports.writeInto(reportDir, result));
      } catch (ReportException e) {
        throw new UserError(e.getMessage(), ExitCodes.USAGE);
      }
    }
    if (selfCheck) {
      ScenarioResult again = ScenarioRunner.run(scenario, run);
      String first = result.trace() == null ? "-" : result.trace().hashHex();
      String second = again.trace() == null ? "-" : again.trace().hashHex();
      if (!first.equals(second)) {
        out.println(
            "self-check: FAIL, a second run gave trace hash " + second + " (not deterministic)");
        out.flush();
        return ExitCodes.FAILED;
      }
      out.println("self-check: PASS, a second run gave the same trace hash " + second);
      out.flush();
    }
    return Summaries.exitCode(result.status());
  }

  static void printConfiguration(PrintWriter out, Scenario scenario, RunSpec run) {
    out.println("scenario: " + scenario.name());
    out.println("seed: " + run.seed());
    out.println("knobs:");
    for (Map.Entry<String, String> e : run.knobs().values().entrySet()) {
      boolean changed = run.knobs().changed().containsKey(e.getKey());
      out.println("  " + e.getKey() + " = " + e.getValue() + (changed ? "   (set)" : ""));
    }
    out.flush();
  }

  static FaultSchedule readSchedule(Path file) {
    try {
      return FaultSchedule.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UserError(
          "cannot read fault schedule " + file + ": " + e.getMessage(), ExitCodes.USAGE);
    } catch (IllegalArgumentException e) {
      throw new UserError(file + ": " + e.getMessage(), ExitCodes.USAGE);
    }
  }
}
