package dev.faultline.scenarios.raft;

import dev.faultline.models.raft.RaftConfig;
import dev.faultline.models.raft.ReadPath;
import dev.faultline.models.raft.Timers;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The knobs of {@code raft-election}. The defaults are the Raft paper's setup for Figure 16: five
 * voters, a broadcast time of about 15 ms (one-way latency uniform in 5..10 ms), a heartbeat every
 * half minimum election timeout, two of the four survivors with shorter logs, no other faults.
 */
final class RaftElectionKnobs {
  private static final Map<String, String> SHARED_DEFAULTS =
      Map.of("latency", "uniform:2..4ms", "faults", "none");

  private RaftElectionKnobs() {}

  static List<Knob> all() {
    List<Knob> k = new ArrayList<>();
    k.add(Knob.integer("voters", 5, 3, 15, "Raft voters (servers n1..nN)"));
    k.add(
        Knob.choice(
            "timers",
            "raft",
            List.of("raft", "kraft"),
            "raft: the paper's randomized election timeout and heartbeats; kraft: KRaft's fixed"
                + " fetch timeout, then randomized candidacy and backoff"));
    k.add(
        Knob.range(
            "election-timeout-ms",
            "150..300",
            1,
            600_000,
            "randomized election timeout MIN..MAX (one value T means T..2T)"));
    k.add(Knob.integer("heartbeat-ms", 0, 0, 600_000, "heartbeat interval (0: half of MIN)"));
    k.add(Knob.integer("fetch-timeout-ms", 0, 0, 600_000, "kraft: fetch timeout (0: MIN)"));
    k.add(Knob.integer("fetch-wait-ms", 0, 0, 600_000, "kraft: fetch wait (0: the heartbeat)"));
    k.add(
        Knob.integer(
            "election-backoff-max-ms", 0, 0, 600_000, "kraft: longest election backoff (0: MIN)"));
    k.add(Knob.bool("pre-vote", false, "ask for pre-votes before raising the epoch"));
    k.add(Knob.bool("check-quorum", true, "a leader resigns when a majority stops fetching"));
    k.add(Knob.integer("crashes", 1, 1, 10_000, "how many times the leader is crashed"));
    k.add(Knob.integer("lagging", 2, 0, 14, "followers left with shorter logs before a crash"));
    k.add(
        Knob.integer(
            "start-spread-ms", 100, 0, 600_000, "servers boot at random within this window"));
    k.add(Knob.integer("settle-ms", 500, 0, 600_000, "how long a leader leads before its crash"));
    k.add(
        Knob.integer(
            "trial-limit-ms", 10_000, 1, 3_600_000, "an election still running then is cut off"));
    k.add(Knob.integer("duration-ms", 12_000, 1, 3_600_000, "length of the crash phase"));
    k.add(
        Knob.integer(
            "liveness-ms", 3_000, 1, 3_600_000, "time allowed after the heal for one leader"));
    for (Knob f : FaultKnobs.knobs("none")) {
      String d = SHARED_DEFAULTS.get(f.name());
      k.add(
          d == null
              ? f
              : new Knob(f.name(), d, f.description(), f.type(), f.min(), f.max(), f.choices()));
    }
    return k;
  }

  /** The election timeout range in microseconds: {@code MIN..MAX}, or {@code T} as T..2T. */
  static long[] electionTimeoutMicros(Knobs k) {
    long[] r = k.getRange("election-timeout-ms");
    return r.length == 1
        ? new long[] {r[0] * 1000, 2 * r[0] * 1000}
        : new long[] {r[0] * 1000, r[1] * 1000};
  }

  /** The heartbeat interval: the knob, or half the minimum election timeout. */
  static long heartbeatMicros(Knobs k) {
    long h = k.getLong("heartbeat-ms") * 1000;
    return h > 0 ? h : Math.max(1, electionTimeoutMicros(k)[0] / 2);
  }

  static RaftConfig raft(Knobs k) {
    long[] election = electionTimeoutMicros(k);
    long heartbeat = heartbeatMicros(k);
    int voters = k.getInt("voters");
    int lagging = k.getInt("lagging");
    if (lagging > voters - (voters / 2 + 1)) {
      throw new KnobException(
          "lagging="
              + lagging
              + " leaves too few up-to-date voters to commit with "
              + voters
              + " voters (at most "
              + (voters - (voters / 2 + 1))
              + ")");
    }
    return RaftConfig.builder(voters)
        .timers(Timers.fromLabel(k.get("timers")))
        .electionTimeout(election[0], election[1])
        .heartbeatInterval(heartbeat)
        .fetchTimeout(orDefault(k, "fetch-timeout-ms", election[0]))
        .fetchMaxWait(orDefault(k, "fetch-wait-ms", heartbeat))
        .electionBackoffMax(orDefault(k, "election-backoff-max-ms", election[0]))
        .preVote(k.getBool("pre-vote"))
        .checkQuorum(k.getBool("check-quorum"))
        .readPath(ReadPath.LOG)
        .build();
  }

  private static long orDefault(Knobs k, String name, long defaultMicros) {
    long v = k.getLong(name) * 1000;
    return v > 0 ? v : defaultMicros;
  }
}
