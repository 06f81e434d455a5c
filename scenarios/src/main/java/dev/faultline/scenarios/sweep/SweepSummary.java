package dev.faultline.scenarios.sweep;

import dev.faultline.scenarios.Verdict;
import java.io.PrintWriter;
import java.util.SortedMap;

/**
 * How a sweep's (or a merge's) outcomes print: every seed that did not pass with its replay
 * command, in seed order, then one line {@code seeds=N passed=P failed=F unknown=U}. The same
 * outcomes always print the same text, whatever order the seeds finished in.
 */
public final class SweepSummary {
  private SweepSummary() {}

  /** Prints the summary and returns the exit code: 0 all passed, 1 any failed, else 3. */
  public static int print(PrintWriter out, SortedMap<Long, SeedOutcome> outcomes) {
    int passed = 0;
    int failed = 0;
    int unknown = 0;
    for (SeedOutcome o : outcomes.values()) {
      switch (o.status()) {
        case PASS -> passed++;
        case FAIL -> failed++;
        case UNKNOWN -> unknown++;
      }
      if (o.status() != Verdict.Status.PASS) {
        out.println(o.status() + " seed " + o.seed() + " — " + o.problem());
        out.println("  replay: " + o.replay());
      }
    }
    out.println(
        "seeds="
            + outcomes.size()
            + " passed="
            + passed
            + " failed="
            + failed
            + " unknown="
            + unknown);
    out.flush();
    if (failed > 0) {
      return 1;
    }
    return unknown > 0 ? 3 : 0;
  }
}
