package dev.faultline.reports;

import dev.faultline.checker.history.Op;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.trace.TraceEvent;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a run's report shows. Built by the caller from a scenario result; the report reads
 * nothing else (no clock, no environment), so the same input gives the same bytes.
 *
 * @param scenario the scenario's name
 * @param seed the root seed
 * @param knobs every knob and its value
 * @param schedule the fault schedule that ran
 * @param traceHash the trace hash as printed, or {@code -} when there is none
 * @param replayCommand the one command that replays the run
 * @param simulatedMicros virtual time at the end of the run
 * @param verdicts one per check
 * @param metrics named figures
 * @param history what clients saw, times in nanoseconds of virtual time; may be empty
 * @param events the full trace; may be empty (then no roles, no messages)
 * @param nodeNames the name of each node id of the trace, in id order
 */
public record RunReportInput(
    String scenario,
    long seed,
    SortedMap<String, String> knobs,
    FaultSchedule schedule,
    String traceHash,
    String replayCommand,
    long simulatedMicros,
    List<CheckVerdict> verdicts,
    SortedMap<String, Double> metrics,
    List<Op> history,
    List<TraceEvent> events,
    List<String> nodeNames,
    SortedMap<Long, String> processNames) {

  public RunReportInput {
    knobs = Collections.unmodifiableSortedMap(new TreeMap<>(knobs));
    metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    verdicts = List.copyOf(verdicts);
    history = List.copyOf(history);
    events = List.copyOf(events);
    nodeNames = List.copyOf(nodeNames);
    processNames = Collections.unmodifiableSortedMap(new TreeMap<>(processNames));
    schedule = schedule == null ? FaultSchedule.empty() : schedule;
  }

  /** FAIL if any check failed, else UNKNOWN if any was unknown, else PASS. */
  public String status() {
    String s = "PASS";
    for (CheckVerdict v : verdicts) {
      if (v.status().equals("FAIL")) {
        return "FAIL";
      }
      if (v.status().equals("UNKNOWN")) {
        s = "UNKNOWN";
      }
    }
    return s;
  }

  /** The name of process {@code p} (its client's node name), or {@code process p}. */
  public String processName(long p) {
    String name = processNames.get(p);
    return name == null ? "process " + p : name;
  }

  /** The name of node {@code id}, or {@code #id} when the input does not name it. */
  public String nodeName(int id) {
    return id >= 0 && id < nodeNames.size() ? nodeNames.get(id) : "#" + id;
  }
}
