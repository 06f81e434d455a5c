package dev.faultline.sim;

import dev.faultline.sim.net.LatencyModel;
import dev.faultline.sim.trace.Trace;
import dev.faultline.sim.trace.TraceKind;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One node's place in the world: its current object (null while down), its disk, clock, random
 * stream and the events held back while it is paused. It is also the node's {@link NodeContext}.
 */
final class NodeSlot implements NodeContext {
  final Simulation sim;
  final int id;
  final String name;
  final Supplier<? extends Node> factory;
  final RandomStream random;
  final Disk disk;
  final NodeClock clock = new NodeClock();
  Node node;
  boolean up;
  boolean paused;
  int incarnation;
  String role;
  long roleChanges;
  long leaderships;

  /**
   * True time until which the node waits for its disk: what it sends leaves then, its clock reads
   * then, and events that reach it before then wait. A crash meanwhile counts, for what the node
   * had synced and sent, as a crash just after the sync.
   */
  long busyUntil;

  private int[] held = new int[16];
  private int heldCount;

  NodeSlot(
      Simulation sim, int id, String name, Supplier<? extends Node> factory, RandomStream random) {
    this.sim = sim;
    this.id = id;
    this.name = name;
    this.factory = factory;
    this.random = random;
    this.disk = new Disk(sim.trace(), id);
    LatencyModel syncLatency = sim.config().diskSyncLatency();
    if (syncLatency != null) {
      LatencyModel.Sampler sampler = syncLatency.bind(sim.random("disk-sync/" + name));
      disk.onSync(() -> busyUntil = Math.max(busyUntil, sim.now()) + sampler.sampleMicros());
    }
  }

  /** True time at which what the node does now takes effect: now, or after its disk sync. */
  long effectiveNow() {
    return Math.max(sim.now(), busyUntil);
  }

  void boot(boolean restart) {
    up = true;
    paused = false;
    incarnation++;
    node = factory.get();
    Trace t = sim.trace();
    t.record(restart ? TraceKind.RESTART : TraceKind.START, sim.now(), id, -1, null);
    node.start(this);
  }

  void crash() {
    if (!up) {
      return;
    }
    up = false;
    paused = false;
    busyUntil = 0;
    node = null;
    incarnation++;
    EventQueue q = sim.queue();
    for (int i = 0; i < heldCount; i++) {
      q.free(held[i]);
    }
    heldCount = 0;
    int keep = 0;
    if (sim.config().tornWrites() && disk.unsyncedWrites() > 0) {
      keep = sim.random("disk/" + name).nextInt(disk.unsyncedWrites() + 1);
    }
    disk.crash(keep);
    setRole("down");
    sim.trace().record(TraceKind.CRASH, sim.now(), id, -1, keep, null);
  }

  void pause() {
    if (up && !paused) {
      paused = true;
      sim.trace().record(TraceKind.PAUSE, sim.now(), id, -1, null);
    }
  }

  void resume() {
    if (!paused) {
      return;
    }
    paused = false;
    sim.trace().record(TraceKind.RESUME, sim.now(), id, -1, null);
    EventQueue q = sim.queue();
    for (int i = 0; i < heldCount; i++) {
      q.requeue(held[i], sim.now());
    }
    heldCount = 0;
  }

  /** Holds an event that reached this node while paused, to run when it resumes. */
  void hold(int slot) {
    if (heldCount == held.length) {
      held = Arrays.copyOf(held, heldCount * 2);
    }
    held[heldCount++] = slot;
  }

  // ---- NodeContext ----

  @Override
  public int self() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int nodeCount() {
    return sim.nodeCount();
  }

  @Override
  public int idOf(String n) {
    return sim.idOf(n);
  }

  @Override
  public String nameOf(int nodeId) {
    return sim.nameOf(nodeId);
  }

  @Override
  public long nowMicros() {
    return clock.local(effectiveNow());
  }

  @Override
  public void send(int to, Message message) {
    if (to < 0 || to >= sim.nodeCount()) {
      throw new IllegalArgumentException(name + " sent to node " + to + ", which does not exist");
    }
    sim.network().send(id, to, message, effectiveNow());
  }

  @Override
  public long setTimer(long delayMicros, Object tag) {
    if (delayMicros < 0) {
      throw new IllegalArgumentException("a timer delay must not be negative");
    }
    long at = effectiveNow() + clock.realDelay(delayMicros);
    int s = sim.queue().push(at, EventQueue.TIMER, id, id, tag, incarnation);
    return sim.queue().timerId(s);
  }

  @Override
  public void cancelTimer(long timerId) {
    sim.queue().cancel(timerId);
  }

  @Override
  public RandomStream random() {
    return random;
  }

  @Override
  public Disk disk() {
    return disk;
  }

  @Override
  public void setRole(String r) {
    if (r.equals(role)) {
      return;
    }
    role = r;
    roleChanges++;
    if (r.equals("leader")) {
      leaderships++;
    }
    sim.trace().record(TraceKind.ROLE, sim.now(), id, -1, r);
  }
}
