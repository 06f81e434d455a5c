package dev.faultline.models.zk;

import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A ZooKeeper client session, as Kafka's brokers and controller hold one: it connects to the
 * ensemble's leader (following hints, trying the servers in turn), pings every third of its
 * timeout, reconnects elsewhere with the same session when a server goes quiet, and resends what
 * was in flight. When the ensemble says the session expired, it tells its owner and opens a new
 * session, on which what was in flight is sent again. The owner hands it every message and timer
 * first.
 */
final class ZkClient {
  /** What the owner hears from its session. */
  interface Listener {
    /** Connected; {@code fresh} when it is a new session (the old one, if any, is gone). */
    void onConnected(long sessionId, boolean fresh);

    /** The session expired: its ephemeral znodes are gone. */
    void onExpired();

    void onWatch(int kind);
  }

  /** The client's periodic check (or, with {@code reconnect}, a quick retry); constant text. */
  record Tick(boolean reconnect) {
    @Override
    public String toString() {
      return "zk-client";
    }
  }

  private static final class InFlight {
    final ZkOp op;
    final Consumer<ZkResult> done;
    long sentMicros;
    boolean received;

    InFlight(ZkOp op, Consumer<ZkResult> done) {
      this.op = op;
      this.done = done;
    }
  }

  private final ZkConfig config;
  private final NodeContext ctx;
  private final int watches;
  private final Listener listener;
  private final Map<Long, InFlight> inFlight = new TreeMap<>();
  private int target;
  private long sessionId = -1;
  private boolean connected;
  private long lastHeard;
  private long nextRequestId;

  ZkClient(ZkConfig config, NodeContext ctx, int watches, Listener listener) {
    this.config = config;
    this.ctx = ctx;
    this.watches = watches;
    this.listener = listener;
    this.target = config.raft().voterId(ctx.random().nextInt(config.raft().voters()));
    this.nextRequestId = ctx.random().nextLong() >>> 1;
  }

  void start() {
    connect();
    arm();
  }

  private long tickMicros() {
    return Math.max(1, config.sessionTimeoutMicros() / 3);
  }

  private void arm() {
    ctx.setTimer(tickMicros(), new Tick(false));
  }

  private void connect() {
    connected = false;
    lastHeard = ctx.nowMicros();
    ctx.send(target, new ZkMessage.Connect(sessionId, config.sessionTimeoutMicros(), watches));
  }

  private void retarget(int hint) {
    if (hint >= 0 && config.raft().voterIndex(hint) >= 0 && hint != target) {
      target = hint;
    } else {
      target =
          config.raft().voterId((config.raft().voterIndex(target) + 1) % config.raft().voters());
    }
  }

  boolean connected() {
    return connected;
  }

  long sessionId() {
    return sessionId;
  }

  /** Sends {@code op}; {@code done} gets its result (resent after a reconnect, never twice). */
  void request(ZkOp op, Consumer<ZkResult> done) {
    long id = nextRequestId++;
    InFlight f = new InFlight(op, done);
    inFlight.put(id, f);
    if (connected) {
      send(id, f);
    }
  }

  private void send(long id, InFlight f) {
    f.sentMicros = ctx.nowMicros();
    f.received = false;
    ctx.send(target, new ZkMessage.Request(sessionId, id, f.op));
  }

  /** Handles a timer; false when the tag is not this client's. */
  boolean onTimer(Object tag) {
    if (!(tag instanceof Tick t)) {
      return false;
    }
    if (t.reconnect()) {
      if (!connected) {
        connect();
      }
      return true;
    }
    long now = ctx.nowMicros();
    if (now - lastHeard > 2 * tickMicros()) {
      retarget(-1); // the server went quiet: try another with the same session
      connect();
    } else if (connected) {
      ctx.send(target, new ZkMessage.Ping(sessionId));
      // A request or its answer was lost (TCP would resend it): send it again. Writes are safe
      // to repeat: each is conditional, or idempotent for its session.
      inFlight.forEach(
          (id, f) -> {
            // Answers can be lost too: of one the server acknowledged, ask what became of it.
            long age = now - f.sentMicros;
            if (!f.received && age >= tickMicros()) {
              send(id, f);
            } else if (f.received && age >= 2 * tickMicros()) {
              f.sentMicros = now;
              ctx.send(target, new ZkMessage.Status(sessionId, id));
            }
          });
    } else {
      retarget(-1); // the last attempt went unanswered: try the next server
      connect();
    }
    arm();
    return true;
  }

  /** Handles a message from the ensemble; false when it is not one. */
  boolean onMessage(int from, Object message) {
    if (!(message instanceof ZkMessage m)) {
      return false;
    }
    if (from != target && !(m instanceof ZkMessage.WatchEvent)) {
      return true; // an answer from a server this client has left
    }
    lastHeard = ctx.nowMicros();
    if (m instanceof ZkMessage.NotLeader n) {
      retarget(n.hint());
      if (n.hint() >= 0) {
        connect();
      } else {
        ctx.setTimer(Math.max(1, tickMicros() / 8), new Tick(true)); // an election is under way
      }
    } else if (m instanceof ZkMessage.Connected c) {
      boolean fresh = c.sessionId() != sessionId;
      sessionId = c.sessionId();
      connected = true;
      inFlight.forEach(this::send);
      listener.onConnected(sessionId, fresh);
    } else if (m instanceof ZkMessage.SessionExpired e) {
      if (e.sessionId() == sessionId) {
        sessionId = -1;
        connected = false;
        listener.onExpired();
        // What was in flight goes again on the new session, as Kafka's ZooKeeperClient retries
        // requests once it has reconnected: an operation under way finishes.
        connect();
      }
    } else if (m instanceof ZkMessage.Received r) {
      InFlight f = inFlight.get(r.requestId());
      if (f != null) {
        f.received = true; // the server has it: no need to send it again soon
      }
    } else if (m instanceof ZkMessage.Unknown u) {
      InFlight f = inFlight.get(u.requestId());
      if (f != null) {
        send(u.requestId(), f); // the server lost it (a new leader): send it again
      }
    } else if (m instanceof ZkMessage.Response r) {
      InFlight f = inFlight.remove(r.requestId());
      if (f != null) {
        f.done.accept(r.result());
      }
    } else if (m instanceof ZkMessage.WatchEvent w) {
      listener.onWatch(w.kind());
    }
    return true;
  }

  /** The requests still unanswered (for tests). */
  List<ZkOp> inFlight() {
    List<ZkOp> out = new ArrayList<>();
    inFlight.values().forEach(f -> out.add(f.op));
    return out;
  }
}
