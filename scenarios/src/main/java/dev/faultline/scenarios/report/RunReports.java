package dev.faultline.scenarios.report;

import dev.faultline.reports.CheckVerdict;
import dev.faultline.reports.RunReport;
import dev.faultline.reports.RunReportInput;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.TimedFault;
import dev.faultline.sim.trace.TraceEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a scenario's result into a run report. A report wants the full trace (roles, messages): run
 * the scenario with {@link RunSpec#withFullTrace} first, or call {@link #rerunAndWrite}.
 */
public final class RunReports {
  private RunReports() {}

  /** The report input for {@code r}; node names are taken from {@code nodeNames} (in id order). */
  public static RunReportInput input(ScenarioResult r, List<String> nodeNames) {
    List<CheckVerdict> verdicts = new ArrayList<>();
    for (Verdict v : r.verdicts()) {
      verdicts.add(
          new CheckVerdict(v.check(), v.status().name(), v.summary(), v.details(), v.evidence()));
    }
    List<TraceEvent> events = r.trace() == null ? List.of() : r.trace().events();
    return new RunReportInput(
        r.scenario(),
        r.seed(),
        r.knobs().values(),
        r.schedule(),
        r.trace() == null ? "-" : r.trace().hashHex(),
        r.replayCommand(),
        r.simulatedMicros(),
        verdicts,
        r.metrics(),
        r.history(),
        events,
        nodeNames,
        r.processes());
  }

  /**
   * The report input for {@code r}, with the node names it carries, or else names read from what
   * the trace and schedule show.
   */
  public static RunReportInput input(ScenarioResult r) {
    if (!r.nodes().isEmpty()) {
      return input(r, r.nodes());
    }
    List<TraceEvent> events = r.trace() == null ? List.of() : r.trace().events();
    return input(r, NodeNames.infer(events, r.schedule().faults()));
  }

  /** Writes the report of {@code r} to {@code file}. */
  public static Path write(Path file, ScenarioResult r) throws IOException {
    RunReport.write(file, input(r));
    return file;
  }

  /**
   * Writes the report of {@code r} into {@code dir} as {@code SCENARIO-seed-N.html} and returns its
   * absolute path. A directory that cannot be written is a user's error: {@link ReportException}
   * says which.
   */
  public static Path writeInto(Path dir, ScenarioResult r) {
    Path file = dir.resolve(fileName(r.scenario(), r.seed())).toAbsolutePath().normalize();
    try {
      return write(file, r);
    } catch (IOException e) {
      throw new ReportException("cannot write the report " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code spec} again with a full trace and writes its report into {@code dir} as {@code
   * SCENARIO-seed-N.html}; returns the file. For sweeps, which run without full traces.
   */
  public static Path rerunAndWrite(Path dir, Scenario scenario, RunSpec spec) throws IOException {
    ScenarioResult r = ScenarioRunner.run(scenario, spec.withFullTrace(true));
    return write(dir.resolve(fileName(r.scenario(), r.seed())), r);
  }

  /** The file name a seed's report gets: {@code SCENARIO-seed-N.html}. */
  public static String fileName(String scenario, long seed) {
    return scenario.replaceAll("[^A-Za-z0-9._-]", "_") + "-seed-" + seed + ".html";
  }

  /** Node names recovered from a trace: the trace holds ids, the schedule holds names. */
  static final class NodeNames {
    private NodeNames() {}

    /**
     * Matches each crash, restart, pause and resume of the trace with the scheduled fault of the
     * same kind at the same time. An id left unmatched is named {@code n<id+1>} when every match
     * follows that convention and the schedule names such a node, and {@code #<id>} otherwise: a
     * report never shows a name it is not sure of.
     */
    static List<String> infer(List<TraceEvent> events, List<TimedFault> faults) {
      Map<Integer, String> known = new TreeMap<>();
      java.util.Set<String> named = new java.util.TreeSet<>();
      faults.forEach(f -> named.addAll(f.fault().nodes()));
      int maxId = -1;
      for (TraceEvent e : events) {
        maxId = Math.max(maxId, Math.max(e.from(), e.to()));
        if (!isNodeFault(e)) {
          continue;
        }
        for (TimedFault f : faults) {
          if (f.atMicros() == e.timeMicros() && sameKind(e, f.fault())) {
            known.putIfAbsent(e.from(), f.fault().nodes().get(0));
          }
        }
      }
      boolean conventional = true;
      for (Map.Entry<Integer, String> k : known.entrySet()) {
        conventional &= k.getValue().equals("n" + (k.getKey() + 1));
      }
      List<String> names = new ArrayList<>();
      for (int id = 0; id <= maxId; id++) {
        String guess = "n" + (id + 1);
        String n = known.get(id);
        names.add(n != null ? n : conventional && named.contains(guess) ? guess : "#" + id);
      }
      return names;
    }

    private static boolean isNodeFault(TraceEvent e) {
      return switch (e.kind()) {
        case CRASH, RESTART, PAUSE, RESUME -> true;
        default -> false;
      };
    }

    private static boolean sameKind(TraceEvent e, Fault f) {
      return switch (e.kind()) {
        case CRASH -> f instanceof Fault.Crash;
        case RESTART -> f instanceof Fault.Restart;
        case PAUSE -> f instanceof Fault.Pause;
        case RESUME -> f instanceof Fault.Resume;
        default -> false;
      };
    }
  }
}
