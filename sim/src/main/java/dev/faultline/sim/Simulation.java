package dev.faultline.sim;

import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.fault.InvalidScheduleException;
import dev.faultline.sim.fault.TimedFault;
import dev.faultline.sim.history.OpLog;
import dev.faultline.sim.net.LatencyModel;
import dev.faultline.sim.trace.Trace;
import dev.faultline.sim.trace.TraceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The deterministic world: one thread, one seed, virtual time.
 *
 * <p>Add nodes, schedule faults and actions, then run. Events are handled in (time, insertion)
 * order; every random draw comes from a named stream of the seed; nothing reads a wall clock. The
 * same seed and configuration therefore give the same trace hash on every run. Every run is bounded
 * in virtual time and in events; passing a bound throws a {@link SimulationException} naming the
 * seed.
 */
public final class Simulation {
  private final SimConfig config;
  private final EventQueue queue = new EventQueue();
  private final List<NodeSlot> nodeList = new ArrayList<>();
  private final Map<String, Integer> idsByName = new TreeMap<>();
  private final Map<String, RandomStream> streams = new TreeMap<>();
  private final List<Invariant> invariants = new ArrayList<>();
  private final Trace trace;
  private final OpLog history;
  private final Network network;
  private NodeSlot[] nodes = new NodeSlot[0];
  private long now;
  private long events;
  private boolean started;

  public Simulation(SimConfig config) {
    this.config = config;
    this.trace = new Trace(config.fullTrace());
    this.history = new OpLog(() -> now, trace);
    this.network = new Network(this, config.network(), random("network"));
  }

  public SimConfig config() {
    return config;
  }

  public long seed() {
    return config.seed();
  }

  /**
   * Adds a node that starts at the current time. {@code factory} makes a fresh node object at the
   * start and after every restart. All nodes must be added before the simulation first runs.
   */
  public int addNode(String name, Supplier<? extends Node> factory) {
    return addNode(name, factory, now);
  }

  /**
   * Adds a node that starts (boots for the first time) at {@code startMicros}; until then it is
   * down, and what is sent to it is lost. Servers that boot one after another, as real ones do.
   */
  public int addNode(String name, Supplier<? extends Node> factory, long startMicros) {
    if (started) {
      throw new IllegalStateException("nodes must be added before the simulation runs");
    }
    if (idsByName.containsKey(name)) {
      throw new IllegalArgumentException("there is already a node called " + name);
    }
    int id = nodeList.size();
    NodeSlot slot = new NodeSlot(this, id, name, factory, random("node/" + name));
    nodeList.add(slot);
    idsByName.put(name, id);
    nodes = nodeList.toArray(new NodeSlot[0]);
    queue.push(Math.max(now, startMicros), EventQueue.START, id, id, null, 0);
    return id;
  }

  /** The random stream called {@code name}; the same object on every call. */
  public RandomStream random(String name) {
    return streams.computeIfAbsent(name, n -> RandomStream.of(config.seed(), n));
  }

  /**
   * Schedules every fault of {@code schedule} at its time. Throws {@link InvalidScheduleException},
   * naming the fault, if one names a node this simulation does not have or lies in the past.
   */
  public void schedule(FaultSchedule schedule) {
    checkSchedule(schedule);
    for (TimedFault f : schedule.faults()) {
      queue.push(f.atMicros(), EventQueue.FAULT, -1, -1, f.fault(), 0);
    }
  }

  /**
   * Throws {@link InvalidScheduleException}, naming the fault, if a fault of {@code schedule} names
   * a node this simulation does not have or lies in the past.
   */
  public void checkSchedule(FaultSchedule schedule) {
    for (TimedFault f : schedule.faults()) {
      if (f.atMicros() < now) {
        throw new InvalidScheduleException("fault '" + f.print() + "' is in the past");
      }
      for (String node : f.fault().nodes()) {
        if (!idsByName.containsKey(node)) {
          throw new InvalidScheduleException(
              "fault '" + f.print() + "' names node '" + node + "', which this simulation lacks");
        }
      }
    }
  }

  /**
   * Runs {@code action} at virtual time {@code atMicros} (a scenario's phase change, a nemesis
   * looking at the cluster). Such callbacks belong to the harness, not the world: they are neither
   * traced nor counted as events, so a run with a nemesis that watches and the replay of the faults
   * it applied give the same trace.
   */
  public void at(long atMicros, Runnable action) {
    queue.push(Math.max(now, atMicros), EventQueue.CALLBACK, -1, -1, action, 0);
  }

  /**
   * Runs {@code action} at {@code atMicros} in the fault class: before every other event of that
   * instant, after the faults scheduled there earlier. A fault plane applies faults this way, so
   * that a fault decided during a run and the same fault replayed from a schedule strike at the
   * same point of the event order.
   */
  public void atFaultTime(long atMicros, Runnable action) {
    if (atMicros < now) {
      throw new IllegalArgumentException(
          "a fault action at " + atMicros + "us is in the past (now " + now + "us)");
    }
    queue.push(atMicros, EventQueue.FAULT, -1, -1, action, 0);
  }

  /** Checks {@code invariant} after every event from now on. */
  public void addInvariant(Invariant invariant) {
    invariants.add(invariant);
  }

  /** Runs every event up to and including {@code untilMicros}; the clock then reads it. */
  public void runUntil(long untilMicros) {
    runUntil(untilMicros, () -> false);
  }

  /**
   * Runs until {@code done} holds (checked after every event) or time reaches {@code untilMicros}.
   * Returns whether {@code done} held.
   */
  public boolean runUntil(long untilMicros, BooleanSupplier done) {
    if (untilMicros > config.maxTimeMicros()) {
      throw new SimulationException(
          "asked to run to "
              + untilMicros
              + "us, past the bound of "
              + config.maxTimeMicros()
              + "us",
          seed(),
          now,
          events,
          null);
    }
    started = true;
    network.ensureSize(nodes.length);
    while (queue.size() > 0 && queue.peekTime() <= untilMicros) {
      step();
      if (done.getAsBoolean()) {
        return true;
      }
    }
    now = Math.max(now, untilMicros);
    return done.getAsBoolean();
  }

  private void step() {
    int s = queue.pop();
    now = queue.time(s);
    byte kind = queue.kind(s);
    if (kind != EventQueue.CALLBACK && kind != EventQueue.FAULT && ++events > config.maxEvents()) {
      throw new SimulationException(
          "more than " + config.maxEvents() + " events", seed(), now, events, null);
    }
    try {
      dispatch(s);
    } catch (SimulationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SimulationException(
          "a handler threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          seed(),
          now,
          events,
          e);
    }
    for (Invariant inv : invariants) {
      String broken = inv.check(this);
      if (broken != null) {
        throw new InvariantViolation(inv.name(), broken, seed(), now, events);
      }
    }
  }

  private void dispatch(int s) {
    byte kind = queue.kind(s);
    switch (kind) {
      case EventQueue.DELIVER -> {
        NodeSlot to = nodes[queue.dst(s)];
        if (network.deliverable(s, queue, to)) {
          if (to.paused) {
            to.hold(s);
            return;
          }
          if (to.busyUntil > now) {
            queue.requeue(s, to.busyUntil); // the node is waiting for its disk
            return;
          }
          Message m = (Message) queue.obj(s);
          int from = queue.src(s);
          trace.record(TraceKind.DELIVER, now, from, to.id, queue.aux(s), m);
          queue.free(s);
          to.node.onMessage(to, from, m);
          return;
        }
      }
      case EventQueue.TIMER -> {
        NodeSlot n = nodes[queue.dst(s)];
        if (n.up && n.incarnation == queue.aux(s)) {
          if (n.paused) {
            n.hold(s);
            return;
          }
          if (n.busyUntil > now) {
            queue.requeue(s, n.busyUntil);
            return;
          }
          Object tag = queue.obj(s);
          trace.record(TraceKind.TIMER, now, n.id, n.id, tag);
          queue.free(s);
          n.node.onTimer(n, tag);
          return;
        }
      }
      case EventQueue.START -> nodes[queue.dst(s)].boot(false);
      case EventQueue.FAULT -> {
        if (queue.obj(s) instanceof Fault f) {
          apply(f);
        } else {
          ((Runnable) queue.obj(s)).run();
        }
      }
      case EventQueue.CALLBACK -> ((Runnable) queue.obj(s)).run();
      default -> {
        // a cancelled timer: nothing to do
      }
    }
    queue.free(s);
  }

  /** Applies {@code fault} now. Faults that do not fit the moment are no-ops (see Fault). */
  public void apply(Fault fault) {
    if (fault instanceof Fault.Crash c) {
      nodes[idOf(c.node())].crash();
    } else if (fault instanceof Fault.Restart r) {
      NodeSlot n = nodes[idOf(r.node())];
      if (!n.up) {
        n.boot(true);
      }
    } else if (fault instanceof Fault.Pause p) {
      nodes[idOf(p.node())].pause();
    } else if (fault instanceof Fault.Resume r) {
      nodes[idOf(r.node())].resume();
    } else if (fault instanceof Fault.Skew k) {
      NodeSlot n = nodes[idOf(k.node())];
      n.clock.skew(now, k.offsetMicros(), k.driftPpm());
      trace.record(TraceKind.SKEW, now, n.id, -1, k);
    } else {
      network.apply(fault);
    }
  }

  /** The id of the node called {@code name}. */
  public int idOf(String name) {
    Integer id = idsByName.get(name);
    if (id == null) {
      throw new IllegalArgumentException("there is no node called '" + name + "'");
    }
    return id;
  }

  public String nameOf(int id) {
    return nodeList.get(id).name;
  }

  public int nodeCount() {
    return nodeList.size();
  }

  /** The names of every node, in id order. */
  public List<String> nodeNames() {
    return nodeList.stream().map(n -> n.name).toList();
  }

  /**
   * The current object of node {@code id}, or null while it is down. For invariants, workloads and
   * tests that inspect state; never for one node to reach another.
   */
  public Node node(int id) {
    NodeSlot n = nodes[id];
    return n.up ? n.node : null;
  }

  public boolean isUp(int id) {
    return nodes[id].up;
  }

  public boolean isPaused(int id) {
    return nodes[id].paused;
  }

  /** Node {@code id}'s disk, for tests and invariants. */
  public Disk disk(int id) {
    return nodes[id].disk;
  }

  /** Node {@code id}'s clock reading now. */
  public long localTimeMicros(int id) {
    return nodes[id].clock.local(now);
  }

  /** The role node {@code id} last announced, or null. */
  public String role(int id) {
    return nodes[id].role;
  }

  /** How often node {@code id} announced a new role. */
  public long roleChanges(int id) {
    return nodes[id].roleChanges;
  }

  /** How often node {@code id} announced itself {@code leader}. */
  public long leaderships(int id) {
    return nodes[id].leaderships;
  }

  /** Overrides the latency of the directed link {@code from} → {@code to}. */
  public void setLinkLatency(int from, int to, LatencyModel latency) {
    network.ensureSize(nodes.length);
    network.setLatency(from, to, latency);
  }

  /** True virtual time, in microseconds. */
  public long nowMicros() {
    return now;
  }

  /**
   * Events of the world handled so far: deliveries, timers, starts. Faults and the harness's
   * callbacks are not counted.
   */
  public long eventCount() {
    return events;
  }

  /** Events still waiting. */
  public int pendingEvents() {
    return queue.size();
  }

  public Trace trace() {
    return trace;
  }

  /** The clients' operations, stamped with true virtual time. */
  public OpLog history() {
    return history;
  }

  // ---- used by NodeSlot and Network ----

  EventQueue queue() {
    return queue;
  }

  NodeSlot slot(int id) {
    return nodes[id];
  }

  Network network() {
    return network;
  }

  long now() {
    return now;
  }
}
