package dev.faultline.scenarios.compose;

import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.sim.Invariant;
import dev.faultline.sim.Node;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.history.OpLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What a composed scenario declares for one run, in the spirit of Jepsen's test map: its cluster
 * (servers: the nodes faults aim at), its other nodes (clients, a controller), invariants checked
 * after every event, nemeses, checkers, and the liveness condition. The runner reads it and does
 * the rest.
 */
public final class Setup {
  private final Simulation sim;
  private final RunSpec spec;
  private final long faultEndMicros;
  private final long livenessEndMicros;
  private final List<String> servers = new ArrayList<>();
  private final List<Invariant> invariants = new ArrayList<>();
  private final List<Invariant> probes = new ArrayList<>();
  private final List<Nemesis> nemeses = new ArrayList<>();
  private final List<Checker> checkers = new ArrayList<>();
  private Supplier<BooleanSupplier> liveness;
  private String invariantNote = "";

  Setup(Simulation sim, RunSpec spec, long faultEndMicros, long livenessEndMicros) {
    this.sim = sim;
    this.spec = spec;
    this.faultEndMicros = faultEndMicros;
    this.livenessEndMicros = livenessEndMicros;
  }

  public Simulation sim() {
    return sim;
  }

  public Knobs knobs() {
    return spec.knobs();
  }

  public long seed() {
    return spec.seed();
  }

  /** The clients' operation log. */
  public OpLog history() {
    return sim.history();
  }

  /** The end of the fault phase: the heal. */
  public long faultEndMicros() {
    return faultEndMicros;
  }

  public long livenessEndMicros() {
    return livenessEndMicros;
  }

  /** Adds a server: a node of the cluster, a target of the nemeses and of {@code max-down}. */
  public int server(String name, Supplier<? extends Node> factory) {
    servers.add(name);
    return sim.addNode(name, factory);
  }

  /** Adds a server that boots at {@code startMicros} (down until then). */
  public int server(String name, Supplier<? extends Node> factory, long startMicros) {
    servers.add(name);
    return sim.addNode(name, factory, startMicros);
  }

  /** Adds a node that faults do not aim at: a client, a producer, a controller. */
  public int node(String name, Supplier<? extends Node> factory) {
    return sim.addNode(name, factory);
  }

  public void invariant(Invariant invariant) {
    invariants.add(invariant);
  }

  /**
   * Adds a probe: called after every event like an invariant, to measure (an election's downtime,
   * say), never to fail the run; it is not listed among the invariants. Unlike a nemesis it runs
   * when a schedule is replayed too, so what it measures replays.
   */
  public void probe(Invariant probe) {
    probes.add(probe);
  }

  /** Adds a note to the invariants verdict (which invariants apply, and why the others do not). */
  public void invariantNote(String note) {
    invariantNote = note;
  }

  public void nemesis(Nemesis nemesis) {
    nemeses.add(nemesis);
  }

  /** The shared fault generator, the usual first nemesis. */
  public void generatedFaults() {
    nemeses.add(new GeneratedFaults());
  }

  public void checker(Checker checker) {
    checkers.add(checker);
  }

  /**
   * The liveness condition: made at the heal (it may capture what the system reached by then) and
   * checked after every event of the liveness phase; the phase ends as soon as it holds.
   */
  public void liveness(Supplier<BooleanSupplier> atHeal) {
    liveness = atHeal;
  }

  List<String> servers() {
    return List.copyOf(servers);
  }

  List<Invariant> invariants() {
    return invariants;
  }

  List<Invariant> probes() {
    return probes;
  }

  List<Nemesis> nemeses() {
    return nemeses;
  }

  List<Checker> checkers() {
    return checkers;
  }

  Supplier<BooleanSupplier> liveness() {
    return liveness;
  }

  String invariantNote() {
    return invariantNote;
  }
}
