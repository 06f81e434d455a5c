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
import dev.faultline.scenarios.HistoryCheck;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.compose.ComposedScenario;
import dev.faultline.scenarios.compose.Setup;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.history.OpLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code raft-kv}: a KRaft-flavoured Raft cluster serving a key-value store to clients that read,
 * write and compare-and-set a few keys, under generated faults; then a liveness phase. Checks: the
 * Raft invariants after every event, linearizability of the clients' history (a cas-register per
 * key), and that after the heal a leader serves every client within {@code liveness-ms}.
 */
public final class RaftKvScenario extends ComposedScenario {
  /** Budget of the linearizability check per run; past it the verdict is UNKNOWN. */
  private static final Duration CHECK_BUDGET = Duration.ofSeconds(20);

  /** How often the election nemesis looks for a new leader. */
  private static final long ELECTION_POLL_MICROS = 2_000;

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

  /** Linearizability per key against a cas-register, under Porcupine's rules (see below). */
  @Override
  public Optional<HistoryCheck> historyCheck(Knobs knobs) {
    return Optional.of(new HistoryCheck.Linearizable(Models.casRegister(null), Rules.PORCUPINE));
  }

  @Override
  public void checkKnobs(Knobs knobs) {
    RaftKvKnobs.check(knobs);
  }

  @Override
  public java.util.SortedMap<String, String> knobsInEffect(Knobs knobs) {
    return RaftKvKnobs.inEffect(knobs);
  }

  @Override
  protected void compose(Setup s) {
    Knobs k = s.knobs();
    RaftConfig raft = RaftKvKnobs.raft(k);
    ClientConfig clientConfig = RaftKvKnobs.client(k);
    for (int i = 1; i <= raft.voters(); i++) {
      s.server("n" + i, () -> new RaftNode(raft));
    }
    OpLog history = s.history();
    for (int i = 1; i <= k.getInt("clients"); i++) {
      int id = s.node("c" + i, () -> new KvClient(clientConfig, history));
      history.nameProcess(id, "c" + i); // a client's process is its node id
    }
    CommittedLogIntact committed = new CommittedLogIntact(raft.voters());
    s.invariant(new SingleLeaderPerEpoch(raft.voters()));
    s.invariant(new MonotonicHighWatermark(raft.voters()));
    s.invariant(committed);
    s.invariant(new LogMatching(raft.voters()));
    s.generatedFaults();
    long leaderGap = k.getLong("leader-fault-gap-ms") * 1000;
    if (leaderGap > 0) {
      s.nemesis(new LeaderNemesis(leaderGap, k.getLong("leader-fault-duration-ms") * 1000));
    }
    double electionRate = k.getDouble("election-fault-rate");
    if (electionRate > 0) {
      s.nemesis(
          new ElectionNemesis(
              electionRate, k.getLong("election-fault-duration-ms") * 1000, ELECTION_POLL_MICROS));
    }
    Simulation sim = s.sim();
    long heal = s.faultEndMicros();
    s.liveness(() -> () -> everyClientServedSince(sim, heal));
    s.checker(
        (o, metrics) -> {
          List<Verdict> out = new ArrayList<>();
          out.add(linearizability(o.history()));
          if (o.completed()) {
            out.add(liveness(sim, o.live(), heal, k.getLong("liveness-ms")));
            metrics.put("liveness.ms", o.live() ? o.msSinceHeal() : -1);
          }
          metrics.put("committed", (double) committed.committedCount());
          return out;
        });
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
}
