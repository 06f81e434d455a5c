package dev.faultline.scenarios.compose;

import dev.faultline.checker.history.Op;
import dev.faultline.scenarios.Histories;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.NetworkKnobs;
import dev.faultline.scenarios.Phases;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import dev.faultline.sim.Invariant;
import dev.faultline.sim.InvariantViolation;
import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.history.OpLog;
import dev.faultline.sim.trace.TraceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * A scenario composed of parts, run by one runner: a subclass declares its cluster, clients,
 * nemeses, invariants and checkers in {@link #compose}; the runner builds the simulation with its
 * bounds, runs the fault phase ({@code duration-ms}) with every nemesis striking through one {@link
 * FaultPlane}, heals everything, runs the liveness phase ({@code liveness-ms}, ended early when the
 * liveness condition holds), then runs the checkers and assembles the result: the schedule the
 * plane recorded (which replays the run), the trace, the history, the verdicts and the metrics
 * every scenario shares.
 *
 * <p>Every composed scenario has the knobs {@code duration-ms}, {@code liveness-ms} and {@code
 * max-down}.
 */
public abstract class ComposedScenario implements Scenario {
  /** Declares the run's parts. */
  protected abstract void compose(Setup setup);

  /**
   * How long the fault phase lasts: {@code duration-ms}, unless the scenario derives it from its
   * other knobs (a timeline that grows with the partition count, say).
   */
  protected long faultPhaseMicros(Knobs knobs) {
    return knobs.getLong("duration-ms") * 1000;
  }

  /** The bound on events of one run; passing it stops the run with a failing verdict. */
  protected long maxEvents(Knobs knobs) {
    return 200_000_000L;
  }

  @Override
  public final ScenarioResult run(RunSpec spec) {
    Knobs k = spec.knobs();
    long heal = faultPhaseMicros(k);
    long end = heal + k.getLong("liveness-ms") * 1000;
    Simulation sim =
        new Simulation(
            NetworkKnobs.configure(
                k,
                SimConfig.of(spec.seed())
                    .withFullTrace(spec.fullTrace())
                    .withBounds(end + 1, maxEvents(k))));
    Setup setup = new Setup(sim, spec, heal, end);
    compose(setup);
    NetworkKnobs.applyLinks(k, sim);
    List<String> servers = setup.servers();
    for (Invariant inv : setup.invariants()) {
      sim.addInvariant(inv);
    }
    for (Invariant probe : setup.probes()) {
      sim.addInvariant(probe);
    }
    FaultPlane plane = new FaultPlane(sim, servers, k.getInt("max-down"));
    if (spec.schedule() != null) {
      sim.checkSchedule(spec.schedule());
      plane.replay(spec.schedule());
    } else {
      for (Nemesis n : setup.nemeses()) {
        n.start(new NemesisContext(sim, plane, servers, sim.random(n.name()), heal, k));
      }
    }
    boolean live = false;
    InvariantViolation violation = null;
    try {
      sim.runUntil(heal);
      plane.close();
      Phases.healAll(sim, servers);
      BooleanSupplier done = setup.liveness() == null ? null : setup.liveness().get();
      if (done == null) {
        sim.runUntil(end);
        live = true;
      } else {
        live = sim.runUntil(end, done);
      }
    } catch (InvariantViolation e) {
      violation = e;
    }
    List<Op> ops = Histories.toOps(sim.history());
    Outcome outcome = new Outcome(spec, sim, ops, heal, end, live, violation);
    List<Verdict> verdicts = new ArrayList<>();
    SortedMap<String, Double> metrics = new TreeMap<>();
    for (Checker c : setup.checkers()) {
      verdicts.addAll(c.check(outcome, metrics));
    }
    if (!setup.invariants().isEmpty()) {
      verdicts.add(invariants(setup, sim, violation));
    }
    shared(sim, servers, plane, metrics);
    return new ScenarioResult(
        name(),
        spec.seed(),
        k,
        plane.applied(),
        sim.trace(),
        sim.nowMicros(),
        ops,
        verdicts,
        metrics,
        sim.nodeNames(),
        sim.history().processNames());
  }

  private static Verdict invariants(Setup setup, Simulation sim, InvariantViolation e) {
    if (e != null) {
      return Verdict.fail("invariants", e.invariant() + ": " + e.detail(), List.of(e.getMessage()))
          .withAnomalies(List.of(e.invariant()));
    }
    List<String> names = new ArrayList<>();
    for (Invariant inv : setup.invariants()) {
      names.add(inv.name());
    }
    return Verdict.pass(
        "invariants",
        "held after every one of "
            + sim.trace().size()
            + " events: "
            + String.join(", ", names)
            + setup.invariantNote());
  }

  /** The figures every scenario reports. */
  private static void shared(
      Simulation sim, List<String> servers, FaultPlane plane, SortedMap<String, Double> metrics) {
    metrics.putIfAbsent("events", (double) sim.trace().size());
    metrics.putIfAbsent("messages.delivered", (double) sim.trace().count(TraceKind.DELIVER));
    metrics.putIfAbsent("messages.dropped", (double) sim.trace().count(TraceKind.DROP));
    metrics.putIfAbsent("faults.applied", (double) plane.applied().faults().size());
    metrics.putIfAbsent("faults.refused", (double) plane.refused());
    long roles = 0;
    long leaders = 0;
    for (String s : servers) {
      roles += sim.roleChanges(sim.idOf(s));
      leaders += sim.leaderships(sim.idOf(s));
    }
    if (roles > 0) {
      metrics.putIfAbsent("role.changes", (double) roles);
      metrics.putIfAbsent("leader.changes", (double) leaders);
    }
    OpLog history = sim.history();
    if (!history.entries().isEmpty()) {
      double[] counts = new double[OpLog.Type.values().length];
      for (OpLog.Entry e : history.entries()) {
        counts[e.type().ordinal()]++;
      }
      metrics.putIfAbsent("ops.invoked", counts[OpLog.Type.INVOKE.ordinal()]);
      metrics.putIfAbsent("ops.ok", counts[OpLog.Type.OK.ordinal()]);
      metrics.putIfAbsent("ops.fail", counts[OpLog.Type.FAIL.ordinal()]);
      metrics.putIfAbsent("ops.info", counts[OpLog.Type.INFO.ordinal()]);
    }
  }
}
