package dev.faultline.scenarios;

import java.util.Map;

/**
 * Prints {@code seed hash} lines for a scenario over a seed range: the second process of {@link
 * DeterminismTest}. Arguments: scenario, first seed, last seed, then knob=value pairs.
 */
public final class DeterminismProbe {
  private DeterminismProbe() {}

  public static void main(String[] args) {
    Scenario s = ScenarioRegistry.find(args[0]).orElseThrow();
    long first = Long.parseLong(args[1]);
    long last = Long.parseLong(args[2]);
    Map<String, String> knobs = new java.util.TreeMap<>();
    for (int i = 3; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      knobs.put(kv[0], kv[1]);
    }
    Knobs k = Knobs.resolve(s, knobs);
    for (long seed = first; seed <= last; seed++) {
      System.out.println(seed + " " + hashOf(s, RunSpec.of(seed, k)));
    }
  }

  /** The trace hash of one run, plus its schedule and verdicts, so any divergence shows. */
  static String hashOf(Scenario s, RunSpec spec) {
    ScenarioResult r = ScenarioRunner.run(s, spec);
    String trace = r.trace() == null ? "none" : r.trace().hashHex();
    return trace + "/" + Integer.toHexString(r.schedule().print().hashCode()) + "/" + r.status();
  }
}
