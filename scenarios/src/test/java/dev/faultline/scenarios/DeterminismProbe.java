package dev.faultline.scenarios;

import java.util.Map;

/**
 * Prints {@code scenario seed hash} lines for every registered scenario over a seed range, at its
 * default knobs: the second process of {@link DeterminismTest}. Arguments: first seed, last seed.
 */
public final class DeterminismProbe {
  private DeterminismProbe() {}

  public static void main(String[] args) {
    long first = Long.parseLong(args[0]);
    long last = Long.parseLong(args[1]);
    for (Scenario s : ScenarioRegistry.all()) {
      Knobs k = Knobs.resolve(s, Map.of());
      for (long seed = first; seed <= last; seed++) {
        System.out.println(s.name() + " " + seed + " " + hashOf(s, RunSpec.of(seed, k)));
      }
    }
  }

  /** The trace hash of one run, plus its schedule and verdicts, so any divergence shows. */
  static String hashOf(Scenario s, RunSpec spec) {
    ScenarioResult r = ScenarioRunner.run(s, spec);
    String trace = r.trace() == null ? "none" : r.trace().hashHex();
    return trace + "/" + Integer.toHexString(r.schedule().print().hashCode()) + "/" + r.status();
  }
}
