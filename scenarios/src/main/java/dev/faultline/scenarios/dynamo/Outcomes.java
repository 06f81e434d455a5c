package dev.faultline.scenarios.dynamo;

import dev.faultline.models.ring.store.ClientOp;
import dev.faultline.models.ring.store.StoreClient;
import dev.faultline.models.ring.store.StoreConfig;
import dev.faultline.models.ring.store.StoreConfig.Quorum;
import dev.faultline.models.ring.store.StoreMessage.Status;
import dev.faultline.models.ring.store.StoreServer;
import dev.faultline.models.ring.store.Version;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.compose.Outcome;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Turns a finished dynamo-kv simulation into verdicts and metrics. */
final class Outcomes {
  private Outcomes() {}

  static List<Verdict> judge(
      Outcome outcome,
      StoreConfig store,
      FaultMode mode,
      Topology topology,
      List<String> keys,
      SortedMap<String, Double> metrics) {
    Simulation sim = outcome.sim();
    long duration = outcome.healMicros();
    List<StoreClient> clients = new ArrayList<>();
    List<Op> ops = collect(sim, clients);
    Map<String, List<Version>> finalState = DynamoScenario.finalState(sim, store, keys);
    List<dev.faultline.checker.history.Op> history = outcome.history();
    List<Verdict> verdicts = new ArrayList<>();
    verdicts.add(StaleReads.check(history, ops, store, mode));
    List<Op> lost = LostWrites.find(ops, finalState);
    verdicts.add(
        lost.isEmpty()
            ? Verdict.pass("lost-writes", "every acknowledged write survives or was overwritten")
            : Verdict.fail(
                "lost-writes",
                lost.size() + " acknowledged write(s) vanished with nothing written after them",
                LostWrites.explain(lost, finalState)));
    verdicts.add(availability(ops, topology, duration, store, metrics));
    verdicts.add(liveness(ops, clients, duration));
    Verdict handoff = handoff(sim, store, metrics);
    if (handoff != null) {
      verdicts.add(handoff);
    }
    metrics.put("ops", (double) ops.size());
    metrics.put("ops.ok", (double) ops.stream().filter(o -> o.op().status() == Status.OK).count());
    metrics.put("anomaly.stale-read", verdicts.get(0).status() == Verdict.Status.FAIL ? 1.0 : 0);
    metrics.put("anomaly.lost-write", (double) lost.size());
    metrics.put(
        "siblings.reads", (double) ops.stream().filter(o -> o.op().read().size() > 1).count());
    metrics.put(
        "siblings.max", (double) ops.stream().mapToInt(o -> o.op().read().size()).max().orElse(0));
    return verdicts;
  }

  /** Every client's operations in invoke order; fills {@code clients} with the client nodes. */
  private static List<Op> collect(Simulation sim, List<StoreClient> clients) {
    List<Op> ops = new ArrayList<>();
    for (String name : sim.nodeNames()) {
      if (sim.node(sim.idOf(name)) instanceof StoreClient c) {
        clients.add(c);
        c.ops().forEach(o -> ops.add(new Op(name, o)));
      }
    }
    ops.sort(java.util.Comparator.comparingLong(o -> o.op().invokeMicros()));
    return ops;
  }

  /** Under a sloppy quorum, every hint must be handed back by the end; null otherwise. */
  private static Verdict handoff(
      Simulation sim, StoreConfig store, SortedMap<String, Double> metrics) {
    int hints = 0;
    for (String s : store.servers()) {
      StoreServer server = (StoreServer) sim.node(sim.idOf(s));
      hints += server == null ? 0 : server.pendingHints();
    }
    metrics.put("hints.pending", (double) hints);
    if (store.quorum() != Quorum.SLOPPY) {
      return null;
    }
    return hints == 0
        ? Verdict.pass("handoff", "every hinted write was handed back to its home replica")
        : Verdict.fail(
            "handoff",
            hints + " hint(s) still wait for their home replica after the heal",
            List.of());
  }

  /**
   * Unavailability: operations the store refused or could not gather a quorum for during the fault
   * phase, answered by a coordinator the client could reach. Measured per side of a partition.
   */
  private static Verdict availability(
      List<Op> ops,
      Topology topology,
      long duration,
      StoreConfig store,
      SortedMap<String, Double> metrics) {
    TreeMap<String, long[]> bySide = new TreeMap<>();
    long refused = 0;
    for (Op o : ops) {
      ClientOp op = o.op();
      if (op.invokeMicros() >= topology.faultStartMicros() && op.invokeMicros() < duration) {
        long[] c = bySide.computeIfAbsent(topology.sides().get(o.client()), s -> new long[2]);
        c[0]++;
        c[1] += op.status() == Status.OK ? 1 : 0;
      }
      if (op.invokeMicros() < duration && op.refused()) {
        refused++;
      }
    }
    List<String> details = new ArrayList<>();
    for (Map.Entry<String, long[]> e : bySide.entrySet()) {
      double a = e.getValue()[0] == 0 ? 1.0 : (double) e.getValue()[1] / e.getValue()[0];
      metrics.put("availability." + e.getKey(), a);
      details.add(
          String.format(
              java.util.Locale.ROOT,
              "side %s: %d of %d operations succeeded during the fault (%.1f%%)",
              e.getKey(),
              e.getValue()[1],
              e.getValue()[0],
              100 * a));
    }
    metrics.put("anomaly.unavailable", (double) refused);
    String summary =
        refused == 0
            ? "no operation was refused for want of replicas (" + topology.aim() + ")"
            : refused
                + " operation(s) refused for want of "
                + (store.quorum() == Quorum.STRICT ? "home replicas (strict quorum: CP)" : "nodes")
                + " ("
                + topology.aim()
                + ")";
    return new Verdict("availability", Verdict.Status.PASS, summary, details, null);
  }

  /** After the heal every client must read every key once, successfully. */
  private static Verdict liveness(List<Op> ops, List<StoreClient> clients, long duration) {
    List<String> bad = new ArrayList<>();
    for (Op o : ops) {
      if (o.op().invokeMicros() > duration && o.op().status() != Status.OK) {
        bad.add("after the heal: " + o.describe());
      }
    }
    boolean finished = clients.stream().allMatch(StoreClient::finished);
    if (bad.isEmpty() && finished) {
      return Verdict.pass("liveness", "after the heal every client read every key");
    }
    if (!finished) {
      bad.add("some client did not finish its final reads");
    }
    return Verdict.fail("liveness", "the store did not serve every read after the heal", bad);
  }
}
