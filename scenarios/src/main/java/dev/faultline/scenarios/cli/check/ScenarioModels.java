package dev.faultline.scenarios.cli.check;

import dev.faultline.checker.linear.Model;
import dev.faultline.checker.linear.Models;
import dev.faultline.scenarios.HistoryCheck;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The models {@code faultline check} knows by name: the checker's own, then every model a scenario
 * of the catalog (built in or from {@code --classpath}) judges its history with, such as {@code
 * dynamo-kv}'s {@code sibling-register}.
 */
public final class ScenarioModels {
  private ScenarioModels() {}

  /** The model called {@code name}, or null. Scenario models take no initial value. */
  public static Model<?> byName(String name, Object initial) {
    Model<?> m = Models.byName(name, initial);
    if (m != null) {
      return m;
    }
    for (Model<?> s : declared()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** Every model name, the checker's first. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(Models.NAMES);
    for (Model<?> m : declared()) {
      if (!names.contains(m.name())) {
        names.add(m.name());
      }
    }
    return names;
  }

  private static List<Model<?>> declared() {
    List<Model<?>> out = new ArrayList<>();
    for (Scenario s : ScenarioRegistry.all()) {
      s.historyCheck(Knobs.resolve(s, java.util.Map.of()))
          .filter(HistoryCheck.Linearizable.class::isInstance)
          .map(c -> ((HistoryCheck.Linearizable) c).model())
          .ifPresent(out::add);
    }
    return out;
  }
}
