package dev.faultline.scenarios.raft;

import dev.faultline.models.raft.CommittedLogIntact;
import dev.faultline.models.raft.LogMatching;
import dev.faultline.models.raft.MonotonicHighWatermark;
import dev.faultline.models.raft.RaftConfig;
import dev.faultline.models.raft.RaftNode;
import dev.faultline.models.raft.SingleLeaderPerEpoch;
import dev.faultline.models.raft.Timers;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.compose.ComposedScenario;
import dev.faultline.scenarios.compose.Setup;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code raft-election}: the Raft paper's leader-election experiment (Ongaro and Ousterhout, USENIX
 * ATC 2014, §9.3 and Figure 16). A five-voter cluster elects a leader; the leader is crashed
 * uniformly within a heartbeat interval after a heartbeat every follower received, with two of the
 * four survivors holding shorter logs; the metric is the downtime: from the crash until every live
 * voter follows one new leader. One seed is one crash by default ({@code crashes} for more); {@code
 * compare --vary election-timeout-ms=...} gives each range's downtime distribution.
 */
public final class RaftElectionScenario extends ComposedScenario {
  @Override
  public String name() {
    return "raft-election";
  }

  @Override
  public String description() {
    return "The Raft paper's Figure 16: crash the leader, time the election (downtime per timeout"
        + " range).";
  }

  @Override
  public List<Knob> knobs() {
    return RaftElectionKnobs.all();
  }

  @Override
  public void checkKnobs(Knobs knobs) {
    RaftElectionKnobs.raft(knobs); // a range that ends before it starts, too many laggards
  }

  @Override
  public List<String> distributionMetrics() {
    return List.of("downtime.ms");
  }

  @Override
  protected void compose(Setup s) {
    Knobs k = s.knobs();
    RaftConfig raft = RaftElectionKnobs.raft(k);
    // Servers boot one after another, as real ones do: with equal timeouts (150..150), servers
    // that all started at one instant would split every vote forever.
    long spread = k.getLong("start-spread-ms") * 1000;
    var boot = s.sim().random("boot");
    for (int i = 1; i <= raft.voters(); i++) {
      s.server("n" + i, () -> new RaftNode(raft), spread == 0 ? 0 : boot.nextLong(spread));
    }
    int writer = s.node("w1", () -> new TrialWriter(raft.voters()));
    s.invariant(new SingleLeaderPerEpoch(raft.voters()));
    s.invariant(new MonotonicHighWatermark(raft.voters()));
    s.invariant(new CommittedLogIntact(raft.voters()));
    s.invariant(new LogMatching(raft.voters()));
    s.generatedFaults();
    List<String> servers = new ArrayList<>();
    for (int i = 1; i <= raft.voters(); i++) {
      servers.add("n" + i);
    }
    long limit = k.getLong("trial-limit-ms") * 1000;
    ElectionTrials trials = new ElectionTrials(servers, limit);
    s.probe(trials);
    boolean heartbeats = raft.timers() == Timers.RAFT;
    int crashes = k.getInt("crashes");
    s.nemesis(
        new LeaderCrashNemesis(
            writer,
            crashes,
            k.getInt("lagging"),
            k.getLong("settle-ms") * 1000,
            limit,
            heartbeats ? raft.heartbeatIntervalMicros() : raft.fetchMaxWaitMicros(),
            heartbeats));
    Simulation sim = s.sim();
    s.liveness(() -> () -> ElectionTrials.followedLeader(sim, servers, -1) >= 0);
    s.checker(
        (o, metrics) -> {
          trials.report(metrics);
          List<Verdict> out = new ArrayList<>();
          out.add(elections(trials, crashes, limit));
          if (o.completed()) {
            out.add(
                o.live()
                    ? Verdict.pass("liveness", "one leader followed by all voters after the heal")
                    : Verdict.fail(
                        "liveness",
                        "no leader followed by all voters within "
                            + k.getLong("liveness-ms")
                            + " ms of the heal",
                        List.of()));
          }
          return out;
        });
  }

  private static Verdict elections(ElectionTrials trials, int crashes, long limitMicros) {
    List<String> details = new ArrayList<>();
    int unfinished = 0;
    for (ElectionTrials.Trial t : trials.trials()) {
      details.add(
          String.format(
              Locale.ROOT,
              "crash at %.3fs: %s after %.1f ms%s",
              t.crashMicros() / 1e6,
              t.elected() ? "a new leader followed by all" : "no leader yet",
              t.downtimeMicros() / 1000.0,
              t.elected() ? " (" + t.epochs() + " epoch(s))" : ""));
      if (!t.elected()) {
        unfinished++;
      }
    }
    if (trials.count() < crashes) {
      return Verdict.fail(
          "elections",
          trials.count() + " of " + crashes + " crashes were timed before the crash phase ended",
          details);
    }
    if (unfinished > 0) {
      return Verdict.fail(
          "elections",
          unfinished
              + " of "
              + crashes
              + " elections found no leader within "
              + limitMicros / 1000
              + " ms",
          details);
    }
    return new Verdict(
        "elections",
        Verdict.Status.PASS,
        crashes + " election(s), each within the limit",
        details,
        null);
  }
}
