package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.HistoryCheck;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.property.CaseFile;
import dev.faultline.scenarios.report.ReportException;
import dev.faultline.scenarios.report.RunReports;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.fault.InvalidScheduleException;
import dev.faultline.sim.fault.TimedFault;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
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

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "The root seed, 0 or more (default: a fresh one, drawn at random and printed first).")
  Long seed;

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
    boolean drawn = seed == null;
    long s = drawn ? freshSeed() : SeedRange.requireSeed(seed, "--seed");
    HistoryCheck historyCheck = null;
    if (historyFile != null) {
      HistoryFiles.formatOf(historyFile);
      historyCheck = HistoryFiles.checkOf(scenario, knobs);
    }
    RunSpec run = RunSpec.of(s, knobs);
    if (scheduleFile != null) {
      run = run.withSchedule(withinFaultPhase(readSchedule(scheduleFile), knobs, scheduleFile));
    }
    run = run.withFullTrace(reportDir != null);
    PrintWriter out = spec.commandLine().getOut();
    printConfiguration(out, scenario, run, drawn);
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

  /**
   * A seed nobody chose: this is the command line, not the simulation, so a real random source is
   * right here. Kept below 10^9 so that it is easy to read and type back.
   */
  private static long freshSeed() {
    return new SecureRandom().nextInt(1_000_000_000);
  }

  static void printConfiguration(PrintWriter out, Scenario scenario, RunSpec run, boolean drawn) {
    out.println("scenario: " + scenario.name());
    out.println(
        "seed: "
            + run.seed()
            + (drawn ? "   (drawn at random; --seed " + run.seed() + " runs it again)" : ""));
    out.println("knobs:");
    Map<String, String> inEffect = scenario.knobsInEffect(run.knobs());
    for (Map.Entry<String, String> e : run.knobs().values().entrySet()) {
      boolean changed = run.knobs().changed().containsKey(e.getKey());
      String effect = inEffect.get(e.getKey());
      out.println(
          "  "
              + e.getKey()
              + " = "
              + e.getValue()
              + (changed ? "   (set)" : "")
              + (effect == null ? "" : "   (in effect: " + effect + ")"));
    }
    out.flush();
  }

  /**
   * {@code schedule}, or a UserError when one of its faults comes after the fault phase: the run
   * heals everything at the end of {@code duration-ms} and applies nothing later, so such a fault
   * would be dropped without a word.
   */
  static FaultSchedule withinFaultPhase(FaultSchedule schedule, Knobs knobs, Path source) {
    if (!knobs.values().containsKey("duration-ms")) {
      return schedule;
    }
    long heal = knobs.getLong("duration-ms") * 1000;
    for (TimedFault f : schedule.faults()) {
      if (f.atMicros() > heal) {
        throw new UserError(
            source
                + ": the fault '"
                + f.print()
                + "' comes after the fault phase, which ends at "
                + FaultSchedule.formatTime(heal)
                + " (duration-ms="
                + knobs.get("duration-ms")
                + "), so it would never strike",
            ExitCodes.USAGE);
      }
    }
    return schedule;
  }

  /**
   * Reads a fault schedule: a file of fault lines, or a case file (whose schedule follows its
   * {@code schedule} line), so that the replay line of a case runs its schedule too.
   */
  static FaultSchedule readSchedule(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.lines().anyMatch(l -> l.strip().equals("schedule"))) {
        return CaseFile.read(file).schedule();
      }
      return FaultSchedule.parse(text);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such fault schedule file", ExitCodes.USAGE);
    } catch (IOException e) {
      throw new UserError(
          "cannot read fault schedule " + file + ": " + e.getMessage(), ExitCodes.USAGE);
    } catch (IllegalArgumentException e) {
      throw new UserError(file + ": " + e.getMessage(), ExitCodes.USAGE);
    }
  }
}
