package dev.faultline.scenarios.catalog;

import dev.faultline.models.demo.CounterConfig;
import dev.faultline.models.demo.CounterNode;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.compose.ComposedScenario;
import dev.faultline.scenarios.compose.Setup;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenarios that stand for a user's: not listed in any services file on the test class path, so the
 * catalog finds them only when a test hands it a directory whose services file names them.
 */
public abstract class UserFixtureScenario extends ComposedScenario {
  private final String name;

  UserFixtureScenario(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "a user's scenario (test fixture)";
  }

  @Override
  public List<Knob> knobs() {
    List<Knob> k = new ArrayList<>();
    k.add(Knob.integer("duration-ms", 200, 1, 10_000, "length of the fault phase"));
    k.add(Knob.integer("liveness-ms", 100, 1, 10_000, "time after the heal"));
    k.addAll(FaultKnobs.knobs("none"));
    return k;
  }

  @Override
  protected void compose(Setup s) {
    CounterConfig cfg = new CounterConfig(1, 10_000, 50_000, 5, s.faultEndMicros(), false);
    s.server("n1", () -> new CounterNode(cfg));
  }

  /** Listed after the built-in scenarios, before {@link Zz}. */
  public static final class Aa extends UserFixtureScenario {
    public Aa() {
      super("aa-user");
    }
  }

  /** Listed last. */
  public static final class Zz extends UserFixtureScenario {
    public Zz() {
      super("zz-user");
    }
  }

  /** Takes the name of a built-in scenario: the catalog must refuse it. */
  public static final class Clash extends UserFixtureScenario {
    public Clash() {
      super("raft-kv");
    }
  }
}
