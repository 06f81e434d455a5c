package dev.faultline.scenarios.raft;

import dev.faultline.models.raft.ClientConfig;
import dev.faultline.models.raft.RaftBug;
import dev.faultline.models.raft.RaftConfig;
import dev.faultline.models.raft.ReadPath;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The knobs of {@code raft-kv} and the configurations they make. */
final class RaftKvKnobs {
  /**
   * Fault defaults for this scenario: episodes every 600 ms on average, lasting 400 ms, so that a
   * 30-second run sees dozens of leader changes (the shared defaults are 2 s and 1 s).
   */
  private static final Map<String, String> FAULT_DEFAULTS =
      Map.of("fault-gap-ms", "600", "fault-duration-ms", "400");

  private RaftKvKnobs() {}

  static List<Knob> all() {
    List<Knob> k = new ArrayList<>();
    k.add(Knob.integer("voters", 5, 1, 15, "Raft voters (servers n1..nN)"));
    k.add(Knob.integer("clients", 5, 1, 64, "client processes (c1..cK), one operation at a time"));
    k.add(Knob.integer("keys", 3, 1, 1000, "keys the clients read, write and cas"));
    k.add(Knob.integer("duration-ms", 30_000, 1, 3_600_000, "length of the fault phase"));
    k.add(
        Knob.integer(
            "liveness-ms", 5_000, 1, 3_600_000, "time allowed after the heal for every client"));
    k.add(Knob.integer("election-timeout-ms", 150, 1, 60_000, "base election timeout"));
    k.add(Knob.integer("fetch-timeout-ms", 300, 1, 60_000, "follower fetch timeout"));
    k.add(Knob.integer("fetch-wait-ms", 150, 1, 60_000, "how long the leader holds an idle fetch"));
    k.add(Knob.integer("fetch-max-records", 16, 1, 100_000, "entries per fetch response"));
    k.add(Knob.bool("pre-vote", false, "ask for pre-votes before raising the epoch (KIP-996)"));
    k.add(Knob.bool("check-quorum", true, "a leader resigns when a majority stops fetching"));
    k.add(
        Knob.bool(
            "epoch-start-record",
            false,
            "a new leader appends a LeaderChange entry at once (KRaft); off: the Raft paper's way"));
    k.add(
        Knob.choice("read-path", "read-index", labels(ReadPath.values()), "how reads are served"));
    k.add(Knob.integer("think-ms", 100, 0, 60_000, "mean client pause between operations"));
    k.add(
        Knob.integer("attempt-timeout-ms", 200, 1, 60_000, "client wait before trying elsewhere"));
    k.add(Knob.integer("op-timeout-ms", 2_000, 1, 600_000, "client wait before recording info"));
    k.add(Knob.decimal("read-fraction", 0.4, 0, 1, "share of reads"));
    k.add(Knob.decimal("cas-fraction", 0.3, 0, 1, "share of compare-and-sets"));
    k.add(
        Knob.integer(
            "leader-fault-gap-ms",
            0,
            0,
            3_600_000,
            "leader nemesis: at exponential gaps of this mean it crashes, isolates from the"
                + " voters or pauses the newest epoch's leader (0: off)"));
    k.add(
        Knob.integer(
            "leader-fault-duration-ms",
            200,
            1,
            3_600_000,
            "leader nemesis: mean length of each fault, after which it restarts, heals or"
                + " resumes"));
    k.add(
        Knob.decimal(
            "election-fault-rate",
            0.8,
            0,
            1,
            "election nemesis, every 10 ms: with this chance it crashes a voter of a new candidacy"
                + " (back after a quarter of the duration) and cuts a newly elected leader off"
                + " from the other voters, clients still reaching it (0: off)"));
    k.add(
        Knob.integer(
            "election-fault-duration-ms",
            600,
            1,
            3_600_000,
            "election nemesis: mean length of the cut; a heal ends it (and every other cut)"));
    k.add(Knob.choice("bug", "none", labels(RaftBug.values()), "reintroduce a published mistake"));
    for (Knob f : FaultKnobs.knobs("all")) {
      String d = FAULT_DEFAULTS.get(f.name());
      k.add(
          d == null
              ? f
              : new Knob(f.name(), d, f.description(), f.type(), f.min(), f.max(), f.choices()));
    }
    return k;
  }

  private static List<String> labels(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(v -> v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .toList();
  }

  /** Refuses a mix of operations that does not add up: reads and cas at most the whole. */
  static void check(Knobs k) {
    double reads = k.getDouble("read-fraction");
    double cas = k.getDouble("cas-fraction");
    if (reads + cas > 1) {
      throw new KnobException(
          "read-fraction="
              + k.get("read-fraction")
              + " and cas-fraction="
              + k.get("cas-fraction")
              + " add up to more than 1; the rest of the operations are writes");
    }
  }

  static RaftConfig raft(Knobs k) {
    return new RaftConfig(
        k.getInt("voters"),
        k.getLong("election-timeout-ms") * 1000,
        k.getLong("fetch-timeout-ms") * 1000,
        k.getLong("fetch-wait-ms") * 1000,
        k.getInt("fetch-max-records"),
        k.getBool("pre-vote"),
        k.getBool("check-quorum"),
        ReadPath.fromLabel(k.get("read-path")),
        k.getBool("epoch-start-record"),
        RaftBug.fromLabel(k.get("bug")));
  }

  static ClientConfig client(Knobs k) {
    double reads = k.getDouble("read-fraction");
    return new ClientConfig(
        k.getInt("voters"),
        k.getInt("keys"),
        k.getLong("think-ms") * 1000,
        k.getLong("attempt-timeout-ms") * 1000,
        k.getLong("op-timeout-ms") * 1000,
        reads,
        k.getDouble("cas-fraction"));
  }
}
