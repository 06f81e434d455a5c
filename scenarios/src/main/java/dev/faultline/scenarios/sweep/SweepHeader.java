package dev.faultline.scenarios.sweep;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The first line of a results file: which scenario and knobs its seeds ran with. Resuming or
 * merging files with different headers is refused, so results never mix configurations.
 *
 * @param scenario the scenario's name
 * @param knobs every knob with its value
 * @param seeds the seed range, {@code A..B}
 * @param shard the shard, {@code i/n} (0-based i), or {@code 0/1} for a whole sweep
 */
public record SweepHeader(
    String scenario, SortedMap<String, String> knobs, String seeds, String shard) {
  public SweepHeader {
    knobs = new TreeMap<>(knobs);
  }

  /** Whether results under {@code other} may be combined with results under this header. */
  public boolean sameConfiguration(SweepHeader other) {
    return scenario.equals(other.scenario) && knobs.equals(other.knobs);
  }
}
