package dev.faultline.scenarios.lab;

import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import java.util.Map;

/**
 * One run, for a notebook: its verdicts and metrics as tables, the schedule that replays it, and
 * the command line that replays it.
 *
 * @param result the run's result
 */
public record RunView(ScenarioResult result) {
  /** PASS, FAIL or UNKNOWN. */
  public String status() {
    return result.status().name();
  }

  /** One row per check: name, status, summary. */
  public Table verdicts() {
    Table t = Table.of("check", "status", "summary");
    for (Verdict v : result.verdicts()) {
      t.row(v.check(), v.status().name(), v.summary());
    }
    return t;
  }

  /**
   * The detail lines of the check called {@code check} (a counterexample, the lost records), with
   * each process named as its client node is ({@code c1}, not {@code process 7}).
   */
  public String details(String check) {
    for (Verdict v : result.verdicts()) {
      if (v.check().equals(check)) {
        return named(String.join("\n", v.details()));
      }
    }
    throw new IllegalArgumentException("no check " + check + " in this run");
  }

  private String named(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("process (\\d+)").matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = result.processes().get(Long.parseLong(m.group(1)));
      m.appendReplacement(
          out, java.util.regex.Matcher.quoteReplacement(name == null ? m.group() : name));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** One row per metric. */
  public Table metrics() {
    Table t = Table.of("metric", "value");
    for (Map.Entry<String, Double> e : result.metrics().entrySet()) {
      t.row(e.getKey(), e.getValue());
    }
    return t;
  }

  /** The metric called {@code name}, or NaN. */
  public double metric(String name) {
    return result.metrics().getOrDefault(name, Double.NaN);
  }

  /** The fault schedule the run printed (it replays the run). */
  public String schedule() {
    return result.schedule().print();
  }

  /** The command that replays the run. */
  public String replay() {
    return result.replayCommand();
  }

  @Override
  public String toString() {
    String hash = result.trace() == null ? "-" : result.trace().hashHex();
    return result.scenario()
        + " seed "
        + result.seed()
        + ": "
        + status()
        + "  (trace hash "
        + hash
        + ", "
        + result.schedule().size()
        + " faults)\n"
        + verdicts()
        + "replay: "
        + replay()
        + "\n";
  }
}
