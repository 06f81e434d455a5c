package dev.faultline.scenarios.demo;

import dev.faultline.models.demo.CounterConfig;
import dev.faultline.models.demo.CounterNode;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Phases;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.trace.TraceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code counter}: the gossip counter under the fault generator. Safety: no node ever believes a
 * count higher than its owner reached. Liveness: after the heal, every node learns every count
 * within the liveness window.
 */
public final class CounterScenario implements Scenario {
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
  public ScenarioResult run(RunSpec spec) {
    Knobs k = spec.knobs();
    int n = k.getInt("nodes");
    long faultEnd = k.getLong("duration-ms") * 1000;
    long livenessEnd = faultEnd + k.getLong("liveness-ms") * 1000;
    Simulation sim =
        new Simulation(
            SimConfig.of(spec.seed())
                .withFullTrace(spec.fullTrace())
                .withBounds(livenessEnd + 1, 200_000_000L));
    CounterConfig cfg =
        new CounterConfig(
            n,
            k.getLong("tick-ms") * 1000,
            k.getLong("gossip-ms") * 1000,
            k.getInt("sync-every"),
            faultEnd,
            k.get("bug").equals("no-gossip-after-restart"));
    List<String> servers = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      servers.add("n" + i);
      sim.addNode("n" + i, () -> new CounterNode(cfg));
    }
    FaultSchedule schedule = FaultKnobs.schedule(spec, servers, 0, faultEnd);
    sim.schedule(schedule);
    sim.runUntil(faultEnd);
    Phases.healAll(sim, servers);
    long[] target = new long[n];
    for (int i = 0; i < n; i++) {
      target[i] = ((CounterNode) sim.node(i)).count(i);
    }
    boolean converged = sim.runUntil(livenessEnd, () -> everyoneKnows(sim, target));
    List<Verdict> verdicts = new ArrayList<>();
    long convergeMicros = sim.nowMicros() - faultEnd;
    if (converged) {
      verdicts.add(
          Verdict.pass(
              "liveness",
              "every node learned every count " + convergeMicros / 1000 + " ms after the heal"));
    } else {
      verdicts.add(
          Verdict.fail(
              "liveness",
              "some node did not learn every count within "
                  + k.getLong("liveness-ms")
                  + " ms of the heal",
              laggards(sim, target)));
    }
    SortedMap<String, Double> metrics = new TreeMap<>();
    metrics.put("increments", (double) java.util.Arrays.stream(target).sum());
    metrics.put("messages.delivered", (double) sim.trace().count(TraceKind.DELIVER));
    metrics.put("messages.dropped", (double) sim.trace().count(TraceKind.DROP));
    metrics.put("converge.ms", converged ? convergeMicros / 1000.0 : -1);
    return new ScenarioResult(
        name(),
        spec.seed(),
        k,
        schedule,
        sim.trace(),
        sim.nowMicros(),
        List.of(),
        verdicts,
        metrics,
        sim.nodeNames());
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
