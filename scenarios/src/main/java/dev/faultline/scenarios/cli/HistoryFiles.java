package dev.faultline.scenarios.cli;

import dev.faultline.checker.format.HistoryFormat;
import dev.faultline.scenarios.HistoryCheck;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.export.HistoryExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** What {@code run --history} and {@code sweep --histories} share: checks first, then writing. */
final class HistoryFiles {
  private HistoryFiles() {}

  /** How {@code scenario} judges its history, or a usage error when it records none. */
  static HistoryCheck checkOf(Scenario scenario, Knobs knobs) {
    return scenario
        .historyCheck(knobs)
        .orElseThrow(
            () ->
                new UserError(
                    "scenario "
                        + scenario.name()
                        + " does not say how its client history is judged (Scenario.historyCheck),"
                        + " so it has no history to export",
                    ExitCodes.USAGE));
  }

  /** The format a file name asks for, or a usage error. */
  static HistoryFormat formatOf(Path file) {
    try {
      return HistoryExport.formatOf(file);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), ExitCodes.USAGE);
    }
  }

  /** The format {@code --history-format} names, or a usage error. */
  static HistoryFormat formatNamed(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "edn" -> HistoryFormat.EDN;
      case "jsonl" -> HistoryFormat.JSONL;
      default ->
          throw new UserError(
              "unknown --history-format '" + name + "'; use edn or jsonl", ExitCodes.USAGE);
    };
  }

  /** Where a sweep writes seed {@code seed}'s history. */
  static Path fileFor(Path dir, String scenario, long seed, HistoryFormat format) {
    return dir.resolve(scenario + "-seed" + seed + "." + format.cliName());
  }

  /** Writes one history, or a usage error naming the file. */
  static void write(Path file, ScenarioResult result, HistoryCheck check) {
    try {
      HistoryExport.write(file, result, check);
    } catch (IOException e) {
      throw new UserError("cannot write history " + file + ": " + e.getMessage(), ExitCodes.USAGE);
    }
  }
}
