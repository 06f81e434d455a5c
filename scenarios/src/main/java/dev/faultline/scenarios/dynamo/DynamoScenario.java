package dev.faultline.scenarios.dynamo;

import dev.faultline.checker.history.Rules;
import dev.faultline.models.ring.Ring;
import dev.faultline.models.ring.store.ClientConfig;
import dev.faultline.models.ring.store.StoreClient;
import dev.faultline.models.ring.store.StoreConfig;
import dev.faultline.models.ring.store.StoreConfig.Quorum;
import dev.faultline.models.ring.store.StoreConfig.ReadRepair;
import dev.faultline.models.ring.store.StoreConfig.Versioning;
import dev.faultline.models.ring.store.StoreServer;
import dev.faultline.models.ring.store.Version;
import dev.faultline.models.ring.store.Versions;
import dev.faultline.scenarios.FaultKnobs;
import dev.faultline.scenarios.HistoryCheck;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.compose.ComposedScenario;
import dev.faultline.scenarios.compose.ScheduledFaults;
import dev.faultline.scenarios.compose.Setup;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code dynamo-kv}: the Dynamo-style quorum store on the consistent-hashing ring, with clients
 * reading and writing registers under one forced fault (or generated ones). It reports the three
 * anomalies of docs/dynamo.md: stale reads (the history is not linearizable), lost writes, and
 * unavailability, and counts the siblings reads returned.
 */
public final class DynamoScenario extends ComposedScenario {
  @Override
  public String name() {
    return "dynamo-kv";
  }

  @Override
  public String description() {
    return "Dynamo-style store: N/R/W, strict or sloppy quorum, vector clocks or LWW; stale reads,"
        + " lost writes, unavailability.";
  }

  @Override
  public List<Knob> knobs() {
    List<Knob> k = new ArrayList<>();
    k.add(Knob.integer("nodes", 5, 1, 64, "servers on the ring"));
    k.add(Knob.integer("vnodes", 8, 1, 1024, "ring tokens per server"));
    k.add(Knob.integer("n", 3, 1, 64, "replicas per key"));
    k.add(Knob.integer("r", 2, 1, 64, "replies a read waits for"));
    k.add(Knob.integer("w", 2, 1, 64, "acknowledgements a write waits for"));
    k.add(Knob.choice("quorum", "strict", List.of("strict", "sloppy"), "who counts to a quorum"));
    k.add(Knob.choice("versioning", "vclock", List.of("vclock", "lww"), "how versions compare"));
    k.add(
        Knob.choice(
            "read-repair",
            "blocking",
            List.of("blocking", "async", "off"),
            "repair stale replicas before answering a read, after, or never"));
    k.add(Knob.choice("fault", "generated", FaultMode.labels(), "the fault to force"));
    k.add(
        Knob.choice(
            "writers",
            "auto",
            List.of("auto", "per-key", "shared"),
            "one writer per key, or every client writes every key (auto: by fault)"));
    k.add(Knob.integer("clients", 4, 1, 64, "client processes"));
    k.add(Knob.integer("keys", 3, 1, 1000, "registers"));
    k.add(Knob.decimal("read-fraction", 0.5, 0, 1, "chance an operation is a read"));
    k.add(Knob.integer("think-ms", 10, 1, 60_000, "mean pause between a client's operations"));
    k.add(Knob.integer("skew-ms", 150, 0, 3_600_000, "how far behind the clock-skew fault sets"));
    k.add(Knob.integer("duration-ms", 2000, 100, 3_600_000, "length of the fault phase"));
    k.add(Knob.integer("liveness-ms", 1000, 100, 3_600_000, "time after the heal"));
    k.addAll(FaultKnobs.knobs("all"));
    return k;
  }

  /** Stale reads: linearizability per key against a register whose reads may return siblings. */
  @Override
  public Optional<HistoryCheck> historyCheck(Knobs knobs) {
    return Optional.of(new HistoryCheck.Linearizable(new SiblingRegister(), Rules.PORCUPINE));
  }

  @Override
  public void checkKnobs(Knobs knobs) {
    DynamoKnobs.check(knobs);
  }

  @Override
  protected long maxEvents(Knobs knobs) {
    return 50_000_000L;
  }

  @Override
  protected void compose(Setup s) {
    Knobs k = s.knobs();
    FaultMode mode = FaultMode.of(k.get("fault"));
    StoreConfig store = storeConfig(k);
    long duration = s.faultEndMicros();
    long end = s.livenessEndMicros();
    if (mode == FaultMode.PARTITION && store.servers().size() < 2) {
      throw new KnobException("fault=partition needs at least 2 servers (nodes)");
    }
    List<String> clients = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 1; i <= k.getInt("clients"); i++) {
      clients.add("c" + i);
    }
    for (int i = 1; i <= k.getInt("keys"); i++) {
      keys.add("k" + i);
    }
    Topology topology =
        Topology.plan(
            mode, s.seed(), store, clients, keys.get(0), duration, k.getLong("skew-ms") * 1000);
    for (String server : store.servers()) {
      s.server(server, () -> new StoreServer(store));
    }
    Simulation sim = s.sim();
    boolean shared = shared(k.get("writers"), mode);
    for (int i = 0; i < clients.size(); i++) {
      List<String> writable = new ArrayList<>();
      for (int j = 0; j < keys.size(); j++) {
        if (shared || j % clients.size() == i) {
          writable.add(keys.get(j));
        }
      }
      ClientConfig cc =
          new ClientConfig(
              i + 1,
              keys,
              writable,
              topology.coordinators().get(clients.get(i)),
              k.getDouble("read-fraction"),
              mode == FaultMode.CONCURRENT_WRITES,
              k.getLong("think-ms") * 1000,
              store.requestTimeoutMicros() * 2,
              duration,
              duration + (end - duration) / 2);
      s.node(clients.get(i), () -> new StoreClient(cc, sim.history()));
      sim.history().nameProcess(cc.process(), clients.get(i));
    }
    if (topology.schedule() == null) {
      s.generatedFaults();
    } else {
      s.nemesis(new ScheduledFaults("dynamo-fault", topology.schedule()));
    }
    s.checker((o, metrics) -> Outcomes.judge(o, store, mode, topology, keys, metrics));
  }

  private static boolean shared(String writers, FaultMode mode) {
    if (!writers.equals("auto")) {
      return writers.equals("shared");
    }
    return mode != FaultMode.REPLICA_CRASH && mode != FaultMode.CLOCK_SKEW;
  }

  private static StoreConfig storeConfig(Knobs k) {
    List<String> servers = new ArrayList<>();
    for (int i = 1; i <= k.getInt("nodes"); i++) {
      servers.add("n" + i);
    }
    try {
      return new StoreConfig(
          Ring.of(servers, k.getInt("vnodes")),
          k.getInt("n"),
          k.getInt("r"),
          k.getInt("w"),
          Quorum.valueOf(k.get("quorum").toUpperCase(Locale.ROOT)),
          Versioning.valueOf(k.get("versioning").toUpperCase(Locale.ROOT)),
          ReadRepair.valueOf(k.get("read-repair").toUpperCase(Locale.ROOT)),
          20_000,
          100_000,
          50_000);
    } catch (IllegalArgumentException e) {
      throw new KnobException("dynamo-kv: " + e.getMessage());
    }
  }

  /** Every server's versions of each key, merged: what any later read could still return. */
  static Map<String, List<Version>> finalState(
      Simulation sim, StoreConfig store, List<String> keys) {
    Map<String, List<Version>> out = new TreeMap<>();
    for (String key : keys) {
      List<Version> merged = List.of();
      for (String s : store.servers()) {
        StoreServer server = (StoreServer) sim.node(sim.idOf(s));
        if (server != null) {
          merged = Versions.reconcile(store.versioning(), merged, server.versions(key));
        }
      }
      out.put(key, merged);
    }
    return out;
  }
}
