package dev.faultline.scenarios.raft;

import dev.faultline.models.raft.ClientConfig;
import dev.faultline.models.raft.RaftBug;
import dev.faultline.models.raft.RaftConfig;
import dev.faultline.models.raft.ReadPath;
import dev.faultline.models.raft.Timers;
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
    k.add(
        Knob.choice(
            "flavour",
            "custom",
            List.of("custom", "kraft", "raft"),
            "kraft: KRaft's own mechanisms together (pre-vote, the epoch-start LeaderChange"
                + " record, KRaft timers); raft: the paper's (none of them, Raft timers); custom:"
                + " the three knobs below as set"));
    k.add(
        Knob.choice(
            "timers",
            "kraft",
            List.of("kraft", "raft"),
            "kraft: fixed fetch timeout, then randomized candidacy and backoff; raft: the paper's"
                + " randomized election timeout reset by heartbeats"));
    k.add(
        Knob.range(
            "election-timeout-ms",
            "150",
            1,
            600_000,
            "randomized election timeout MIN..MAX (one value T means T..2T)"));
    k.add(Knob.integer("heartbeat-ms", 0, 0, 60_000, "raft timers: heartbeat (0: half of MIN)"));
    k.add(
        Knob.integer(
            "election-backoff-max-ms", 0, 0, 60_000, "kraft timers: longest backoff (0: MIN)"));
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
            1.0,
            0,
            1,
            "election nemesis, looking every 2 ms: with this chance it crashes a voter that has"
                + " just voted (back after an eighth of the duration), cuts a newly elected leader"
                + " off from the other voters (clients still reach it), and crashes a leader at"
                + " its first commit (back after half the duration) (0: off)"));
    k.add(
        Knob.integer(
            "election-fault-duration-ms",
            300,
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

  /** What {@code flavour} sets: pre-vote, epoch-start-record and timers, in that order. */
  static List<String> flavourSettings(String flavour) {
    return switch (flavour) {
      case "kraft" -> List.of("true", "true", "kraft");
      case "raft" -> List.of("false", "false", "raft");
      default -> List.of();
    };
  }

  private static final List<String> FLAVOURED = List.of("pre-vote", "epoch-start-record", "timers");

  /**
   * The value of a knob that {@code flavour} may set; a flavour that contradicts a value the user
   * set is a usage error.
   */
  static String flavoured(Knobs k, String name) {
    List<String> set = flavourSettings(k.get("flavour"));
    if (set.isEmpty()) {
      return k.get(name);
    }
    String v = set.get(FLAVOURED.indexOf(name));
    String given = k.changed().get(name);
    if (given != null && !given.equals(v)) {
      throw new KnobException(
          "flavour=" + k.get("flavour") + " sets " + name + "=" + v + ", not " + given);
    }
    return v;
  }

  /** The knobs a flavour set to values other than those shown, for {@code run} to print. */
  static java.util.SortedMap<String, String> inEffect(Knobs k) {
    java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
    List<String> set = flavourSettings(k.get("flavour"));
    for (int i = 0; i < set.size(); i++) {
      String name = FLAVOURED.get(i);
      if (!set.get(i).equals(k.get(name))) {
        out.put(name, set.get(i) + ", set by flavour=" + k.get("flavour"));
      }
    }
    return out;
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
    raft(k); // a flavour contradicted, a bug flag that cannot act: refused before anything runs
  }

  static RaftConfig raft(Knobs k) {
    long[] t = k.getRange("election-timeout-ms");
    long min = t[0] * 1000;
    long max = t.length == 1 ? 2 * min : t[1] * 1000;
    long heartbeat = k.getLong("heartbeat-ms") * 1000;
    long backoff = k.getLong("election-backoff-max-ms") * 1000;
    RaftBug bug = RaftBug.fromLabel(k.get("bug"));
    ReadPath readPath = ReadPath.fromLabel(k.get("read-path"));
    if (bug == RaftBug.STALE_LEADER_READ && readPath == ReadPath.LOG) {
      throw new KnobException(
          "bug=stale-leader-read acts only on reads by read index; read-path=log appends every"
              + " read to the log, so the flag would change nothing");
    }
    return RaftConfig.builder(k.getInt("voters"))
        .timers(Timers.fromLabel(flavoured(k, "timers")))
        .electionTimeout(min, max)
        .heartbeatInterval(heartbeat > 0 ? heartbeat : Math.max(1, min / 2))
        .electionBackoffMax(backoff > 0 ? backoff : min)
        .fetchTimeout(k.getLong("fetch-timeout-ms") * 1000)
        .fetchMaxWait(k.getLong("fetch-wait-ms") * 1000)
        .maxFetchRecords(k.getInt("fetch-max-records"))
        .preVote(Boolean.parseBoolean(flavoured(k, "pre-vote")))
        .checkQuorum(k.getBool("check-quorum"))
        .readPath(readPath)
        .epochStartRecord(Boolean.parseBoolean(flavoured(k, "epoch-start-record")))
        .bug(bug)
        .build();
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
