package dev.faultline.sim;

import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.net.LatencyModel;
import dev.faultline.sim.net.NetworkConfig;
import dev.faultline.sim.trace.Trace;
import dev.faultline.sim.trace.TraceKind;
import java.util.Arrays;

/**
 * The links between nodes: latency, loss, duplication, jitter, clogging and partitions (blocked
 * directed links). Every draw comes from the simulation's {@code network} stream. Link state is
 * kept in flat arrays indexed {@code from * n + to}: this is the hot path of every simulation.
 */
final class Network {
  /** Why a message was dropped; the trace records it. */
  enum DropReason {
    LOSS,
    PARTITION,
    DOWN
  }

  private final Simulation sim;
  private final RandomStream random;
  private final LatencyModel.Sampler defaultLatency;
  private final boolean fifoConfigured;
  private double lossRate;
  private double duplicateRate;
  private long jitterMicros;
  private int n;
  private boolean[] blocked = new boolean[0];
  private boolean anyBlocked;
  private long[] clog = new long[0];
  private boolean anyClog;
  private long[] lastDelivery = new long[0];
  private LatencyModel.Sampler[] linkLatency = new LatencyModel.Sampler[0];

  Network(Simulation sim, NetworkConfig config, RandomStream random) {
    this.sim = sim;
    this.random = random;
    this.defaultLatency = config.latency().bind(random);
    this.fifoConfigured = config.fifo();
    this.lossRate = config.lossRate();
    this.duplicateRate = config.duplicateRate();
    this.jitterMicros = config.jitterMicros();
  }

  void ensureSize(int nodes) {
    if (nodes == n) {
      return;
    }
    int old = n;
    boolean[] b = new boolean[nodes * nodes];
    long[] c = new long[nodes * nodes];
    long[] l = new long[nodes * nodes];
    LatencyModel.Sampler[] s = new LatencyModel.Sampler[nodes * nodes];
    for (int i = 0; i < old; i++) {
      for (int j = 0; j < old; j++) {
        b[i * nodes + j] = blocked[i * old + j];
        c[i * nodes + j] = clog[i * old + j];
        l[i * nodes + j] = lastDelivery[i * old + j];
        s[i * nodes + j] = linkLatency[i * old + j];
      }
    }
    blocked = b;
    clog = c;
    lastDelivery = l;
    linkLatency = s;
    n = nodes;
  }

  void setLatency(int from, int to, LatencyModel latency) {
    linkLatency[from * n + to] = latency.bind(random);
  }

  /** Sends {@code m}, leaving {@code from} at {@code departMicros} (now, or after a disk sync). */
  void send(int from, int to, Message m, long departMicros) {
    Trace trace = sim.trace();
    long now = departMicros;
    long salt = Trace.hashOf(m);
    trace.record(TraceKind.SEND, now, from, to, salt, m);
    int link = from * n + to;
    if (anyBlocked && blocked[link]) {
      trace.record(TraceKind.DROP, now, from, to, salt + DropReason.PARTITION.ordinal(), m);
      return;
    }
    if (lossRate > 0 && random.nextDouble() < lossRate) {
      trace.record(TraceKind.DROP, now, from, to, salt + DropReason.LOSS.ordinal(), m);
      return;
    }
    // The queue keeps the message's hash beside it, so that its delivery or drop is hashed by
    // contents without hashing the message again.
    int contents = foldHash(salt);
    sim.queue().push(deliveryTime(link, now), EventQueue.DELIVER, from, to, m, contents);
    if (duplicateRate > 0 && random.nextDouble() < duplicateRate) {
      trace.record(TraceKind.DUPLICATE, now, from, to, salt, m);
      sim.queue().push(deliveryTime(link, now), EventQueue.DELIVER, from, to, m, contents);
    }
  }

  private long deliveryTime(int link, long now) {
    LatencyModel.Sampler sampler = linkLatency[link];
    long delay = (sampler == null ? defaultLatency : sampler).sampleMicros();
    if (anyClog) {
      delay += clog[link];
    }
    long at = now + delay;
    if (jitterMicros > 0) {
      return at + random.nextLong(0, jitterMicros);
    }
    if (fifoConfigured) {
      // Equal times keep send order, since the queue breaks ties by insertion.
      if (at < lastDelivery[link]) {
        at = lastDelivery[link];
      }
      lastDelivery[link] = at;
    }
    return at;
  }

  /** Whether the message in queue slot {@code s} reaches {@code to}; records a drop if not. */
  boolean deliverable(int s, EventQueue q, NodeSlot to) {
    int from = q.src(s);
    DropReason reason = null;
    if (!to.up) {
      reason = DropReason.DOWN;
    } else if (anyBlocked && blocked[from * n + to.id]) {
      reason = DropReason.PARTITION; // the partition struck while the message was in flight
    }
    if (reason == null) {
      return true;
    }
    Object m = q.obj(s);
    sim.trace().record(TraceKind.DROP, sim.now(), from, to.id, q.aux(s) + reason.ordinal(), m);
    return false;
  }

  /** A message's content hash folded to the int that the event queue keeps beside it. */
  static int foldHash(long contentHash) {
    return (int) (contentHash ^ (contentHash >>> 32));
  }

  void apply(Fault fault) {
    long now = sim.now();
    Trace trace = sim.trace();
    if (fault instanceof Fault.Partition p) {
      // Cuts compose: a partition adds its blocked links to those in force; only a heal clears.
      p.shape()
          .forEachBlockedLink(p.groups(), (a, b) -> blocked[sim.idOf(a) * n + sim.idOf(b)] = true);
      anyBlocked = true;
      trace.record(TraceKind.PARTITION, now, -1, -1, p);
    } else if (fault instanceof Fault.Heal h) {
      Arrays.fill(blocked, false);
      anyBlocked = false;
      trace.record(TraceKind.HEAL, now, -1, -1, h);
    } else {
      if (fault instanceof Fault.Loss l) {
        lossRate = l.rate();
      } else if (fault instanceof Fault.Duplicate d) {
        duplicateRate = d.rate();
      } else if (fault instanceof Fault.Jitter j) {
        jitterMicros = j.maxMicros();
      } else if (fault instanceof Fault.Clog c) {
        clog[sim.idOf(c.from()) * n + sim.idOf(c.to())] = c.extraMicros();
        anyClog = true;
      } else if (fault instanceof Fault.Unclog) {
        Arrays.fill(clog, 0);
        anyClog = false;
      } else {
        throw new IllegalArgumentException("not a network fault: " + fault.print());
      }
      trace.record(TraceKind.NETWORK, now, -1, -1, fault);
    }
  }
}
