package dev.faultline.scenarios.bench;

import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.RandomStream;
import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.net.LatencyModel;
import dev.faultline.sim.net.NetworkConfig;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code faultline bench sim}: 5 nodes keep 1,000 messages in flight; each delivery is forwarded to
 * a random other node through the public node API (a fresh message each hop), over a LAN with
 * random latency and no faults. Prints deliveries per second and bytes allocated per event, beside
 * a bare primitive-array heap loop doing the same scheduling, to show what the API costs.
 */
public final class SimBench implements Benchmark {
  private static final int NODES = 5;
  private static final int IN_FLIGHT = 1_000;
  private static final long MIN_WALL_NANOS = 2_000_000_000L;

  @Override
  public String name() {
    return "sim";
  }

  @Override
  public String description() {
    return "deliveries per second and bytes per event of the event loop";
  }

  record Hop(int count) implements Message {}

  /** Forwards every message to a random other node. */
  static final class Forwarder implements Node {
    @Override
    public void start(NodeContext ctx) {
      for (int i = ctx.self(); i < IN_FLIGHT; i += NODES) {
        ctx.send((ctx.self() + 1) % NODES, new Hop(0));
      }
    }

    @Override
    public void onMessage(NodeContext ctx, int from, Message message) {
      int to = ctx.random().nextInt(NODES - 1);
      if (to >= ctx.self()) {
        to++;
      }
      ctx.send(to, new Hop(((Hop) message).count() + 1));
    }

    @Override
    public void onTimer(NodeContext ctx, Object tag) {}
  }

  @Override
  public void run(PrintWriter out, Path projectRoot) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    out.println("sim: 5 nodes, 1000 messages in flight, latency 200us + exp(800us), no faults");
    measure(out, threads, 1, true); // warm-up
    for (int rep = 1; rep <= 3; rep++) {
      measure(out, threads, rep, false);
    }
    baseline(out);
    out.flush();
  }

  private static void measure(
      PrintWriter out, com.sun.management.ThreadMXBean threads, int rep, boolean warmUp) {
    Simulation sim =
        new Simulation(
            SimConfig.of(42)
                .withBounds(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2)
                .withNetwork(
                    NetworkConfig.lan().withLatency(new LatencyModel.Exponential(200, 800))));
    for (int i = 0; i < NODES; i++) {
      sim.addNode("n" + (i + 1), Forwarder::new);
    }
    long tid = Thread.currentThread().getId();
    long startBytes = threads.getThreadAllocatedBytes(tid);
    long startEvents = sim.eventCount();
    long start = System.nanoTime();
    long simTime = 0;
    long budget = warmUp ? MIN_WALL_NANOS / 2 : MIN_WALL_NANOS;
    while (System.nanoTime() - start < budget) {
      simTime += 100_000; // 100 ms of virtual time per slice
      sim.runUntil(simTime);
    }
    long nanos = System.nanoTime() - start;
    long bytes = threads.getThreadAllocatedBytes(tid) - startBytes;
    long events = sim.eventCount() - startEvents;
    long deliveries = sim.trace().count(dev.faultline.sim.trace.TraceKind.DELIVER);
    if (!warmUp) {
      out.printf(
          Locale.ROOT,
          "  run %d: %,d deliveries in %.2f s = %,.0f deliveries/s; %.1f bytes allocated per event;"
              + " %,.0fx virtual/wall time; trace %s%n",
          rep,
          deliveries,
          nanos / 1e9,
          deliveries / (nanos / 1e9),
          (double) bytes / events,
          (simTime * 1000.0) / nanos,
          sim.trace().hashHex());
    }
  }

  /** The same scheduling as a bare primitive-array binary heap: the floor the API is held to. */
  private static void baseline(PrintWriter out) {
    RandomStream r = RandomStream.of(42, "baseline");
    long[] time = new long[IN_FLIGHT];
    int[] node = new int[IN_FLIGHT];
    int size = 0;
    for (int i = 0; i < IN_FLIGHT; i++) {
      size =
          push(
              time,
              node,
              size,
              200 + (long) (-800 * StrictMath.log(1 - r.nextDouble())),
              i % NODES);
    }
    long count = 0;
    long start = System.nanoTime();
    long checksum = 0;
    while (System.nanoTime() - start < MIN_WALL_NANOS) {
      for (int k = 0; k < 100_000; k++) {
        long t = time[0];
        int n = node[0];
        size = pop(time, node, size);
        int to = r.nextInt(NODES - 1);
        to = to >= n ? to + 1 : to;
        size =
            push(
                time, node, size, t + 200 + (long) (-800 * StrictMath.log(1 - r.nextDouble())), to);
        checksum += to;
        count++;
      }
    }
    double secs = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "  baseline (bare primitive heap, same scheduling): %,.0f deliveries/s (checksum %d)%n",
        count / secs,
        checksum % 10);
  }

  private static int push(long[] time, int[] node, int size, long t, int n) {
    int i = size++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (time[p] <= t) {
        break;
      }
      time[i] = time[p];
      node[i] = node[p];
      i = p;
    }
    time[i] = t;
    node[i] = n;
    return size;
  }

  private static int pop(long[] time, int[] node, int size) {
    size--;
    long t = time[size];
    int n = node[size];
    int i = 0;
    while (2 * i + 1 < size) {
      int c = 2 * i + 1;
      if (c + 1 < size && time[c + 1] < time[c]) {
        c++;
      }
      if (t <= time[c]) {
        break;
      }
      time[i] = time[c];
      node[i] = node[c];
      i = c;
    }
    time[i] = t;
    node[i] = n;
    return size;
  }
}
