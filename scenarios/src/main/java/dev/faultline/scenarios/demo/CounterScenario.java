package dev.faultline.scenarios.demo;

import dev.faultline.models.demo.CounterConfig;
import dev.faultline.models.demo.CounterNode;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.compose.ComposedScenario;
import dev.faultline.scenarios.compose.Outcome;
import dev.faultline.scenarios.compose.Setup;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code counter}: the gossip counter under the fault generator. Safety: no node ever believes a
 * count higher than its owner reached. Liveness: after the heal, every node learns every count
 * within the liveness window.
 */
public final class CounterScenario extends ComposedScenario {
  @Override
  public String name() {
    return "counter";
  }

  @Override
  public String description() {
    return "Demo: a gossiped grow-only counter; after the heal every node must learn every count.";
  }

  @Override
  public List<Knob> knobs() {
    List<Knob> k = new ArrayList<>();
    k.add(Knob.integer("nodes", 5, 1, 64, "counter nodes"));
    k.add(Knob.integer("duration-ms", 10_000, 1, 3_600_000, "length of the fault phase"));
    k.add(Knob.integer("liveness-ms", 5_000, 1, 3_600_000, "time allowed to converge after heal"));
    k.add(Knob.integer("tick-ms", 10, 1, 60_000, "how often a node increments its count"));
    k.add(Knob.integer("gossip-ms", 50, 1, 60_000, "how often a node gossips its counts"));
    k.add(Knob.integer("sync-every", 5, 1, 1_000_000, "a node syncs to disk every N increments"));
    k.add(
        Knob.choice(
            "bug",
            "none",
            List.of("none", "no-gossip-after-restart"),
            "reintroduce a mistake: a restarted node never gossips again"));
    k.addAll(FaultKnobs.knobs("all"));
    return k;
  }

  @Override
  protected void compose(Setup s) {
    Knobs k = s.knobs();
    int n = k.getInt("nodes");
    CounterConfig cfg =
        new CounterConfig(
            n,
            k.getLong("tick-ms") * 1000,
            k.getLong("gossip-ms") * 1000,
            k.getInt("sync-every"),
            s.faultEndMicros(),
            k.get("bug").equals("no-gossip-after-restart"));
    for (int i = 1; i <= n; i++) {
      s.server("n" + i, () -> new CounterNode(cfg));
    }
    s.generatedFaults();
    Simulation sim = s.sim();
    long[] target = new long[n];
    s.liveness(
        () -> {
          for (int i = 0; i < n; i++) {
            target[i] = ((CounterNode) sim.node(i)).count(i);
          }
          return () -> everyoneKnows(sim, target);
        });
    s.checker(
        (o, metrics) -> {
          metrics.put("increments", (double) java.util.Arrays.stream(target).sum());
          metrics.put(
              "converge.ms",
              o.live() ? (double) ((o.sim().nowMicros() - o.healMicros()) / 1000) : -1);
          return List.of(liveness(o, target, k));
        });
  }

  private static Verdict liveness(Outcome o, long[] target, Knobs k) {
    Simulation sim = o.sim();
    long convergeMicros = sim.nowMicros() - o.healMicros();
    if (o.live()) {
      return Verdict.pass(
          "liveness",
          "every node learned every count " + convergeMicros / 1000 + " ms after the heal");
    }
    return Verdict.fail(
        "liveness",
        "some node did not learn every count within "
            + k.getLong("liveness-ms")
            + " ms of the heal",
        laggards(sim, target));
  }

  private static boolean everyoneKnows(Simulation sim, long[] target) {
    for (int i = 0; i < target.length; i++) {
      CounterNode node = (CounterNode) sim.node(i);
      for (int j = 0; j < target.length; j++) {
        if (node == null || node.count(j) < target[j]) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<String> laggards(Simulation sim, long[] target) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < target.length; i++) {
      CounterNode node = (CounterNode) sim.node(i);
      for (int j = 0; j < target.length; j++) {
        if (node == null || node.count(j) < target[j]) {
          out.add(
              sim.nameOf(i)
                  + " knows "
                  + (node == null ? "nothing" : node.count(j))
                  + " of "
                  + sim.nameOf(j)
                  + "'s "
                  + target[j]);
        }
      }
    }
    return out;
  }
}
