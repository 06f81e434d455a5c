package dev.faultline.scenarios.raft;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.Rules;
import dev.faultline.checker.linear.CheckOptions;
import dev.faultline.checker.linear.CheckResult;
import dev.faultline.checker.linear.Linearizability;
import dev.faultline.checker.linear.Models;
import dev.faultline.models.raft.ClientConfig;
import dev.faultline.models.raft.CommittedLogIntact;
import dev.faultline.models.raft.KvClient;
import dev.faultline.models.raft.LogMatching;
import dev.faultline.models.raft.MonotonicHighWatermark;
import dev.faultline.models.raft.RaftConfig;
import dev.faultline.models.raft.RaftNode;
import dev.faultline.models.raft.SingleLeaderPerEpoch;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.Histories;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.NetworkKnobs;
import dev.faultline.scenarios.Phases;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.Verdict;
import dev.faultline.sim.InvariantViolation;
import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.fault.TimedFault;
import dev.faultline.sim.history.OpLog;
import dev.faultline.sim.trace.TraceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code raft-kv}: a KRaft-flavoured Raft cluster serving a key-value store to clients that read,
 * write and compare-and-set a few keys, under generated faults; then a liveness phase. Checks: the
 * Raft invariants after every event, linearizability of the clients' history (a cas-register per
 * key), and that after the heal a leader serves every client within {@code liveness-ms}.
 */
public final class RaftKvScenario implements Scenario {
  /** Budget of the linearizability check per run; past it the verdict is UNKNOWN. */
  private static final Duration CHECK_BUDGET = Duration.ofSeconds(20);

  /** How often the election nemesis looks for a new leader. */
  private static final long ELECTION_POLL_MICROS = 10_000;

  @Override
  public String name() {
    return "raft-kv";
  }

  @Override
  public String description() {
    return "Raft (KRaft-style) key-value store: linearizable read/write/cas under faults, then"
        + " liveness.";
  }

  @Override
  public List<Knob> knobs() {
    return RaftKvKnobs.all();
  }

  @Override
  public ScenarioResult run(RunSpec spec) {
    Knobs k = spec.knobs();
    RaftConfig raft = RaftKvKnobs.raft(k);
    ClientConfig clientConfig = RaftKvKnobs.client(k);
    long faultEnd = k.getLong("duration-ms") * 1000;
    long livenessEnd = faultEnd + k.getLong("liveness-ms") * 1000;
    Simulation sim =
        new Simulation(
            NetworkKnobs.configure(
                k,
                SimConfig.of(spec.seed())
                    .withFullTrace(spec.fullTrace())
                    .withBounds(livenessEnd + 1, 200_000_000L)));
    List<String> servers = new ArrayList<>();
    for (int i = 1; i <= raft.voters(); i++) {
      servers.add("n" + i);
      sim.addNode("n" + i, () -> new RaftNode(raft));
    }
    OpLog history = sim.history();
    int clients = k.getInt("clients");
    for (int i = 1; i <= clients; i++) {
      sim.addNode("c" + i, () -> new KvClient(clientConfig, history));
    }
    NetworkKnobs.applyLinks(k, sim);
    SingleLeaderPerEpoch single = new SingleLeaderPerEpoch(raft.voters());
    CommittedLogIntact committed = new CommittedLogIntact(raft.voters());
    sim.addInvariant(single);
    sim.addInvariant(new MonotonicHighWatermark(raft.voters()));
    sim.addInvariant(committed);
    sim.addInvariant(new LogMatching(raft.voters()));
    FaultSchedule schedule = FaultKnobs.schedule(spec, servers, 0, faultEnd);
    sim.schedule(schedule);
    LeaderNemesis nemesis = null;
    long leaderGap = k.getLong("leader-fault-gap-ms") * 1000;
    if (spec.schedule() == null && leaderGap > 0) {
      // A given schedule already holds the leader faults of the run it was printed from.
      nemesis =
          new LeaderNemesis(
              sim,
              servers,
              sim.random("leader-nemesis"),
              leaderGap,
              k.getLong("leader-fault-duration-ms") * 1000,
              faultEnd);
      nemesis.start();
    }
    ElectionNemesis elections = null;
    double electionRate = k.getDouble("election-fault-rate");
    if (spec.schedule() == null && electionRate > 0) {
      elections =
          new ElectionNemesis(
              sim,
              servers,
              sim.random("election-nemesis"),
              electionRate,
              k.getLong("election-fault-duration-ms") * 1000,
              ELECTION_POLL_MICROS,
              faultEnd);
      elections.start();
    }

    List<Verdict> verdicts = new ArrayList<>();
    SortedMap<String, Double> metrics = new TreeMap<>();
    try {
      sim.runUntil(faultEnd);
      Phases.healAll(sim, servers);
      boolean served = sim.runUntil(livenessEnd, () -> everyClientServedSince(sim, faultEnd));
      verdicts.add(Verdict.pass("invariants", "every invariant held after every event"));
      verdicts.add(liveness(sim, served, faultEnd, k.getLong("liveness-ms")));
      metrics.put("liveness.ms", served ? (sim.nowMicros() - faultEnd) / 1000.0 : -1);
    } catch (InvariantViolation e) {
      verdicts.add(
          Verdict.fail("invariants", e.invariant() + ": " + e.detail(), List.of(e.getMessage())));
    }
    if (nemesis != null || elections != null) {
      List<TimedFault> all = new ArrayList<>(schedule.faults());
      all.addAll(nemesis == null ? List.of() : nemesis.applied());
      all.addAll(elections == null ? List.of() : elections.applied());
      schedule = new FaultSchedule(all);
    }
    List<Op> ops = Histories.toOps(history);
    verdicts.add(1, linearizability(ops));
    metrics.put("committed", (double) committed.committedCount());
    metrics.put("events", (double) sim.eventCount());
    metrics.put("messages.delivered", (double) sim.trace().count(TraceKind.DELIVER));
    metrics.put("leader.changes", (double) sim.trace().count(TraceKind.ROLE));
    countOutcomes(history, metrics);
    return new ScenarioResult(
        name(),
        spec.seed(),
        k,
        schedule,
        sim.trace(),
        sim.nowMicros(),
        ops,
        verdicts,
        metrics,
        sim.nodeNames());
  }

  private static boolean everyClientServedSince(Simulation sim, long healMicros) {
    for (int id = sim.nodeCount() - 1; id >= 0; id--) {
      if (!(sim.node(id) instanceof KvClient c)) {
        return true; // servers come first; every client was looked at
      }
      if (c.lastCompletionMicros() < healMicros) {
        return false;
      }
    }
    return true;
  }

  private static Verdict liveness(Simulation sim, boolean served, long healMicros, long limitMs) {
    if (served) {
      return Verdict.pass(
          "liveness",
          "every client completed an operation "
              + (sim.nowMicros() - healMicros) / 1000
              + " ms after the heal");
    }
    List<String> waiting = new ArrayList<>();
    for (int id = 0; id < sim.nodeCount(); id++) {
      if (sim.node(id) instanceof KvClient c && c.lastCompletionMicros() < healMicros) {
        waiting.add(sim.nameOf(id) + " completed nothing after the heal");
      }
      if (sim.node(id) instanceof RaftNode n) {
        waiting.add(sim.nameOf(id) + " is " + n.role() + " in epoch " + n.epoch());
      }
    }
    return Verdict.fail(
        "liveness", "some client was not served within " + limitMs + " ms of the heal", waiting);
  }

  private static Verdict linearizability(List<Op> ops) {
    CheckOptions options =
        CheckOptions.defaults().withRules(Rules.PORCUPINE).withTimeLimit(CHECK_BUDGET);
    CheckResult r = Linearizability.check(ops, Models.casRegister(null), options);
    return switch (r.verdict()) {
      case LINEARIZABLE ->
          Verdict.pass("linearizable", r.operations() + " operations, linearizable per key");
      case NOT_LINEARIZABLE ->
          Verdict.fail(
                  "linearizable",
                  "NOT_LINEARIZABLE",
                  List.of(r.counterexample().explain().split("\n")))
              .withEvidence(r.counterexample());
      case UNKNOWN -> Verdict.unknown("linearizable", r.reason());
    };
  }

  private static void countOutcomes(OpLog history, SortedMap<String, Double> metrics) {
    double[] counts = new double[OpLog.Type.values().length];
    for (OpLog.Entry e : history.entries()) {
      counts[e.type().ordinal()]++;
    }
    metrics.put("ops.invoked", counts[OpLog.Type.INVOKE.ordinal()]);
    metrics.put("ops.ok", counts[OpLog.Type.OK.ordinal()]);
    metrics.put("ops.fail", counts[OpLog.Type.FAIL.ordinal()]);
    metrics.put("ops.info", counts[OpLog.Type.INFO.ordinal()]);
  }
}
