package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.Launcher;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.fault.TimedFault;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** How a run's result prints. */
final class Summaries {
  private Summaries() {}

  static void print(PrintWriter out, ScenarioResult r, long wallMillis, Path scheduleFile) {
    out.println("fault schedule (" + r.schedule().size() + " faults):");
    for (TimedFault f : r.schedule().faults()) {
      out.println("  " + f.print());
    }
    out.println(
        String.format(
            Locale.ROOT,
            "trace hash: %s  events: %d  simulated: %s  wall: %d ms",
            r.trace() == null ? "-" : r.trace().hashHex(),
            r.trace() == null ? 0 : r.trace().size(),
            FaultSchedule.formatTime(r.simulatedMicros()),
            wallMillis));
    out.println("checks:");
    for (Verdict v : r.verdicts()) {
      out.println("  " + v.status() + " " + v.check() + ": " + v.summary());
      for (String d : v.details()) {
        out.println("      " + d);
      }
    }
    if (!r.metrics().isEmpty()) {
      out.println("metrics:");
      for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
        out.println("  " + m.getKey() + " = " + formatNumber(m.getValue()));
      }
    }
    out.println("result: " + r.status());
    out.println("replay: " + replayLine(r, scheduleFile));
    out.flush();
  }

  /**
   * The command that replays {@code r}: with the schedule file it was given, named by its absolute
   * path so that the line runs from any directory.
   */
  static String replayLine(ScenarioResult r, Path scheduleFile) {
    return r.replayCommand()
        + (scheduleFile == null
            ? ""
            : " --schedule "
                + Launcher.quote(scheduleFile.toAbsolutePath().normalize().toString()));
  }

  static String formatNumber(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  static int exitCode(Verdict.Status status) {
    return switch (status) {
      case PASS -> ExitCodes.OK;
      case FAIL -> ExitCodes.FAILED;
      case UNKNOWN -> ExitCodes.UNKNOWN;
    };
  }
}
