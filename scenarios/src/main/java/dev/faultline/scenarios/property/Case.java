package dev.faultline.scenarios.property;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.Verdict;
import dev.faultline.sim.fault.FaultSchedule;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One fully explicit input of a scenario: seed, knobs that differ from the defaults, and the fault
 * schedule itself (not a generator), so that it replays exactly and can be shrunk.
 *
 * @param scenario the scenario's name
 * @param seed the root seed
 * @param knobs the knobs set (the rest keep their defaults)
 * @param schedule the fault schedule
 * @param expect what replaying it should give (FAIL for a saved counterexample)
 */
public record Case(
    String scenario,
    long seed,
    SortedMap<String, String> knobs,
    FaultSchedule schedule,
    Verdict.Status expect) {

  public Case {
    knobs = new TreeMap<>(knobs);
  }

  public RunSpec spec(Scenario s) {
    return RunSpec.of(seed, Knobs.resolve(s, knobs)).withSchedule(schedule);
  }

  public Case withSchedule(FaultSchedule s) {
    return new Case(scenario, seed, knobs, s, expect);
  }

  public Case withKnob(String knob, String value) {
    SortedMap<String, String> k = new TreeMap<>(knobs);
    k.put(knob, value);
    return new Case(scenario, seed, k, schedule, expect);
  }

  /** The command that replays the seed with these knobs and a generated schedule. */
  public String runCommand() {
    StringBuilder sb = new StringBuilder("./faultline run " + scenario + " --seed " + seed);
    for (Map.Entry<String, String> e : knobs.entrySet()) {
      sb.append(" --set ").append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }
}
