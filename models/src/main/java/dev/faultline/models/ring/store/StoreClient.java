package dev.faultline.models.ring.store;

import dev.faultline.models.ring.store.StoreMessage.Get;
import dev.faultline.models.ring.store.StoreMessage.GetReply;
import dev.faultline.models.ring.store.StoreMessage.Put;
import dev.faultline.models.ring.store.StoreMessage.PutReply;
import dev.faultline.models.ring.store.StoreMessage.Status;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.history.OpLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * A client of the store and one Jepsen process: it reads and writes registers, one operation at a
 * time, and logs each to the simulation's op log: {@code write} with a value unique in the run,
 * {@code read} with the value read, nil when the key has none, or the sorted list of siblings.
 *
 * <p>A write that the coordinator refused before sending it (unavailable) is logged {@code fail};
 * one that timed out, at the coordinator or here, is {@code info}: it may have reached replicas.
 *
 * <p>Under vector clocks the client makes each write's clock: what it last read of the key (unless
 * it writes blind) merged with its own previous write, and its own entry counted up. Clients never
 * crash, so their counters need no disk.
 */
public final class StoreClient implements Node {
  private enum Tick {
    NEXT
  }

  /** Timer tag: the request numbered {@code request} has waited long enough. */
  private record OpTimeout(long request) {}

  private final ClientConfig config;
  private final OpLog history;
  private final List<ClientOp> ops = new ArrayList<>();
  private final TreeMap<String, VectorClock> lastRead = new TreeMap<>();
  private final TreeMap<String, VectorClock> ownClock = new TreeMap<>();
  private long nextRequest;
  private long nextValue;
  private int finalReadsLeft = -1;

  /** The operation in flight, or null. */
  private InFlight current;

  private record InFlight(
      long request, boolean write, String key, Long value, String coordinator, long invokeMicros) {}

  public StoreClient(ClientConfig config, OpLog history) {
    this.config = config;
    this.history = history;
  }

  @Override
  public void start(NodeContext ctx) {
    ctx.setRole("client");
    ctx.setTimer(think(ctx), Tick.NEXT);
  }

  @Override
  public void onTimer(NodeContext ctx, Object tag) {
    if (tag == Tick.NEXT) {
      next(ctx);
    } else if (tag instanceof OpTimeout t && current != null && current.request() == t.request()) {
      complete(ctx, null, null, List.of());
    }
  }

  private void next(NodeContext ctx) {
    if (current != null) {
      return;
    }
    long now = ctx.nowMicros();
    if (finalReadsLeft < 0 && now >= config.stopMicros()) {
      if (config.finalReadsMicros() < 0) {
        return;
      }
      finalReadsLeft = config.keys().size();
      ctx.setTimer(Math.max(1, config.finalReadsMicros() - now), Tick.NEXT);
      return;
    }
    String coordinator = pick(ctx, config.coordinators());
    if (finalReadsLeft >= 0) {
      if (finalReadsLeft == 0) {
        return;
      }
      String key = config.keys().get(config.keys().size() - finalReadsLeft--);
      read(ctx, key, coordinator);
      return;
    }
    String key = pick(ctx, config.keys());
    boolean write =
        config.writableKeys().contains(key) && ctx.random().nextDouble() >= config.readFraction();
    if (write) {
      write(ctx, key, coordinator);
    } else {
      read(ctx, key, coordinator);
    }
  }

  private void write(NodeContext ctx, String key, String coordinator) {
    long value = config.process() * 1_000_000L + ++nextValue;
    VectorClock base = ownClock.getOrDefault(key, VectorClock.empty());
    if (!config.blindWrites()) {
      base = base.merge(lastRead.getOrDefault(key, VectorClock.empty()));
    }
    VectorClock clock = base.increment(ctx.name());
    ownClock.put(key, clock);
    long request = ++nextRequest;
    current = new InFlight(request, true, key, value, coordinator, ctx.nowMicros());
    history.invoke(config.process(), "write", key, value);
    ctx.send(ctx.idOf(coordinator), new Put(request, key, value, clock));
    ctx.setTimer(config.opTimeoutMicros(), new OpTimeout(request));
  }

  private void read(NodeContext ctx, String key, String coordinator) {
    long request = ++nextRequest;
    current = new InFlight(request, false, key, null, coordinator, ctx.nowMicros());
    history.invoke(config.process(), "read", key, null);
    ctx.send(ctx.idOf(coordinator), new Get(request, key));
    ctx.setTimer(config.opTimeoutMicros(), new OpTimeout(request));
  }

  @Override
  public void onMessage(NodeContext ctx, int from, Message message) {
    if (message instanceof PutReply p && current != null && current.request() == p.requestId()) {
      complete(ctx, p.status(), p.stored(), List.of());
    } else if (message instanceof GetReply g
        && current != null
        && current.request() == g.requestId()) {
      if (g.status() == Status.OK) {
        lastRead.put(current.key(), Versions.context(g.versions()));
      }
      complete(ctx, g.status(), null, g.versions());
    }
  }

  /** Ends the operation in flight: {@code status} null means the client timed out. */
  private void complete(NodeContext ctx, Status status, Version stored, List<Version> versions) {
    InFlight op = current;
    current = null;
    String f = op.write() ? "write" : "read";
    List<Long> read = new ArrayList<>();
    for (Version v : versions) {
      read.add(v.value());
    }
    if (status == Status.OK) {
      history.ok(config.process(), f, op.key(), op.write() ? op.value() : readValue(read));
    } else if (status == Status.UNAVAILABLE) {
      history.fail(config.process(), f, op.key(), op.value());
    } else {
      history.info(config.process(), f, op.key(), op.value());
    }
    ops.add(
        new ClientOp(
            op.write(),
            op.key(),
            op.value(),
            read,
            status,
            op.coordinator(),
            stored,
            op.invokeMicros(),
            ctx.nowMicros()));
    ctx.setTimer(finalReadsLeft >= 0 ? 1 : think(ctx), Tick.NEXT);
  }

  /** Nil, one value, or the siblings as a sorted list. */
  private static Object readValue(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    return values.size() == 1 ? values.get(0) : List.copyOf(values);
  }

  private long think(NodeContext ctx) {
    double u = ctx.random().nextDouble();
    return 1 + (long) (-config.thinkMicros() * StrictMath.log(1 - u));
  }

  private static String pick(NodeContext ctx, List<String> from) {
    return from.get(ctx.random().nextInt(from.size()));
  }

  /** What this client saw, operation by operation. */
  public List<ClientOp> ops() {
    return Collections.unmodifiableList(ops);
  }

  /** The process number this client logs as. */
  public long process() {
    return config.process();
  }

  /** Whether the client has finished its final reads (or has none to do). */
  public boolean finished() {
    return current == null && (config.finalReadsMicros() < 0 || finalReadsLeft == 0);
  }
}
