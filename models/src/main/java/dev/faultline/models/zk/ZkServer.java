package dev.faultline.models.zk;

import dev.faultline.models.raft.LogEntry;
import dev.faultline.models.raft.RaftLog;
import dev.faultline.models.raft.RaftNode;
import dev.faultline.sim.NodeContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ZooKeeper-like server on one voter of the ensemble: every server applies the committed log into
 * its {@link ZkTree}; the leader serves clients. Reads and writes go through one queue whose
 * service time grows with the znodes they touch (so that reading a million partition states takes
 * as long as the published measurements say); pings and connects bypass it. The leader tracks when
 * each session was last heard from, expires sessions (writing a CloseSession, which deletes their
 * ephemeral znodes), and notifies the sessions that watch {@code /controller} or {@code
 * /brokers/ids} when a committed entry changes them. A new leader gives every session a fresh
 * timeout; watches are registered again as clients reconnect.
 */
final class ZkServer {
  /** A client waiting for the commit of an entry the leader wrote for it. */
  private record Pending(int client, long requestId, boolean connect, int watches) {}

  /** A request waiting in the service queue. */
  private record Job(int client, ZkMessage.Request request) {}

  /** The timer of the service queue's head, and of the session check. */
  enum Tick {
    SERVE,
    SESSIONS
  }

  private final ZkConfig config;
  private RaftNode raft;
  private NodeContext ctx;
  private ZkTree tree;
  private boolean leading;
  private int leadingEpoch = -1;
  private final Map<Long, Long> lastHeard = new TreeMap<>();
  private final Map<Long, Integer> watchers = new TreeMap<>();
  private final Map<Long, Boolean> closing = new TreeMap<>();
  private final TreeMap<Long, Pending> pending = new TreeMap<>();
  private final ArrayDeque<Job> queue = new ArrayDeque<>();
  private final Map<Long, Boolean> queued = new TreeMap<>(); // request ids waiting: no duplicates
  private final Map<Long, Boolean> proposed = new TreeMap<>(); // written, not yet committed
  private final TreeMap<Long, ZkMessage.Response> answered = new TreeMap<>(); // recent answers
  private final java.util.ArrayDeque<Long> answeredOrder = new java.util.ArrayDeque<>();
  private long busyUntil;
  private boolean serveArmed;

  ZkServer(ZkConfig config) {
    this.config = config;
  }

  void start(RaftNode node, NodeContext context) {
    this.raft = node;
    this.ctx = context;
    this.tree = new ZkTree(config.replog().brokers());
    ctx.setTimer(checkMicros(), Tick.SESSIONS);
  }

  private long checkMicros() {
    return Math.max(1, config.sessionTimeoutMicros() / 9); // ZooKeeper's tick: 2 s of 18
  }

  ZkTree tree() {
    return tree;
  }

  /** After every event: follow the role, apply what is committed, answer and notify. */
  void onRaftChange() {
    boolean nowLeading = raft.isLeader();
    if (leading && (!nowLeading || raft.epoch() != leadingEpoch)) {
      leading = false;
      leadingEpoch = -1;
      lastHeard.clear();
      watchers.clear();
      closing.clear();
      pending.clear();
      queue.clear();
      queued.clear();
      proposed.clear();
      answered.clear();
      answeredOrder.clear();
    }
    if (!leading && nowLeading) {
      leading = true;
      leadingEpoch = raft.epoch();
      long now = ctx.nowMicros();
      tree.sessions().keySet().forEach(id -> lastHeard.put(id, now));
      if (!tree.hasTopic() && pendingTopic()) {
        raft.propose(
            new ZkOp.CreateTopic(
                config.totalPartitions(),
                config.replog().replicationFactor(),
                config.replog().brokers()));
      }
    }
    applyCommitted();
  }

  /** Whether no CreateTopic is in the log yet (committed or not). */
  private boolean pendingTopic() {
    RaftLog log = raft.log();
    for (long o = tree.applied(); o < log.endOffset(); o++) {
      if (log.entry(o).command() instanceof ZkOp.CreateTopic) {
        return false;
      }
    }
    return true;
  }

  private void applyCommitted() {
    RaftLog log = raft.log();
    long limit = Math.min(raft.highWatermark(), log.endOffset());
    while (tree.applied() < limit) {
      LogEntry e = log.entry(tree.applied());
      ZkResult result = tree.apply(e);
      boolean controllerChanged = tree.takeControllerChanged();
      boolean brokersChanged = tree.takeBrokersChanged();
      if (!leading) {
        continue;
      }
      if (e.command() instanceof ZkOp.CreateSession) {
        lastHeard.put(e.offset(), ctx.nowMicros());
      }
      Pending p = pending.remove(e.offset());
      if (p != null) {
        answer(p, result);
      }
      notifyWatchers(controllerChanged, brokersChanged);
    }
  }

  private void answer(Pending p, ZkResult result) {
    if (p.connect()) {
      long id = ((ZkResult.Session) result).sessionId();
      watchers.put(id, p.watches());
      ctx.send(p.client(), new ZkMessage.Connected(id));
    } else {
      proposed.remove(p.requestId());
      reply(p.client(), new ZkMessage.Response(p.requestId(), result));
    }
  }

  private void notifyWatchers(boolean controllerChanged, boolean brokersChanged) {
    if (!controllerChanged && !brokersChanged) {
      return;
    }
    for (Map.Entry<Long, Integer> w : watchers.entrySet()) {
      ZkTree.Session s = tree.sessions().get(w.getKey());
      if (s == null) {
        continue;
      }
      if (controllerChanged && (w.getValue() & ZkMessage.WATCH_CONTROLLER) != 0) {
        ctx.send(s.owner(), new ZkMessage.WatchEvent(ZkMessage.WATCH_CONTROLLER));
      }
      if (brokersChanged && (w.getValue() & ZkMessage.WATCH_BROKERS) != 0) {
        ctx.send(s.owner(), new ZkMessage.WatchEvent(ZkMessage.WATCH_BROKERS));
      }
    }
  }

  void onMessage(int from, ZkMessage m) {
    if (!leading) {
      ctx.send(from, new ZkMessage.NotLeader(raft.knownLeader()));
      return;
    }
    if (m instanceof ZkMessage.Connect c) {
      connect(from, c);
    } else if (m instanceof ZkMessage.Ping p) {
      if (tree.sessions().containsKey(p.sessionId()) && !closing.containsKey(p.sessionId())) {
        lastHeard.put(p.sessionId(), ctx.nowMicros());
        ctx.send(from, new ZkMessage.Pong(p.sessionId()));
      } else {
        ctx.send(from, new ZkMessage.SessionExpired(p.sessionId()));
      }
    } else if (m instanceof ZkMessage.Status st) {
      status(from, st);
    } else if (m instanceof ZkMessage.Request r) {
      ctx.send(from, new ZkMessage.Received(r.requestId()));
      if (queued.putIfAbsent(r.requestId(), true) == null) {
        queue.add(new Job(from, r)); // a resent request already waiting is not queued twice
        armServe();
      }
    }
  }

  private void connect(int from, ZkMessage.Connect c) {
    if (c.sessionId() < 0) {
      long offset = raft.propose(new ZkOp.CreateSession(from, c.timeoutMicros()));
      pending.put(offset, new Pending(from, -1, true, c.watches()));
    } else if (tree.sessions().containsKey(c.sessionId()) && !closing.containsKey(c.sessionId())) {
      lastHeard.put(c.sessionId(), ctx.nowMicros());
      watchers.put(c.sessionId(), c.watches());
      ctx.send(from, new ZkMessage.Connected(c.sessionId()));
      // ZooKeeper fires, on a reconnect, the watches whose paths changed meanwhile; the model fires
      // them all (a spurious event only makes the client look again).
      for (int kind : new int[] {ZkMessage.WATCH_CONTROLLER, ZkMessage.WATCH_BROKERS}) {
        if ((c.watches() & kind) != 0) {
          ctx.send(from, new ZkMessage.WatchEvent(kind));
        }
      }
    } else {
      ctx.send(from, new ZkMessage.SessionExpired(c.sessionId()));
    }
  }

  /** Arms the timer at which the queue's head has been served. */
  private void armServe() {
    if (serveArmed || queue.isEmpty()) {
      return;
    }
    ZkOp op = queue.peek().request().op();
    long perZnode =
        op instanceof ZkOp.Write ? config.writeMicrosPerZnode() : config.readMicrosPerZnode();
    long now = ctx.nowMicros();
    busyUntil = Math.max(now, busyUntil) + perZnode * Math.max(1, op.znodes());
    serveArmed = true;
    ctx.setTimer(busyUntil - now, Tick.SERVE);
  }

  void onTimer(Tick tick) {
    if (tick == Tick.SESSIONS) {
      if (leading) {
        expireSessions();
      }
      ctx.setTimer(checkMicros(), Tick.SESSIONS);
      return;
    }
    serveArmed = false;
    Job job = queue.poll();
    if (job != null) {
      queued.remove(job.request().requestId());
    }
    if (job != null && leading) {
      serve(job);
    }
    armServe();
  }

  private void serve(Job job) {
    ZkMessage.Request r = job.request();
    if (!tree.sessions().containsKey(r.sessionId()) || closing.containsKey(r.sessionId())) {
      ctx.send(job.client(), new ZkMessage.SessionExpired(r.sessionId()));
      return;
    }
    lastHeard.put(r.sessionId(), ctx.nowMicros());
    if (r.op() instanceof ZkOp.Write w) {
      long offset = raft.propose(w);
      pending.put(offset, new Pending(job.client(), r.requestId(), false, 0));
      proposed.put(r.requestId(), true);
    } else {
      reply(job.client(), new ZkMessage.Response(r.requestId(), tree.read(r.op())));
    }
  }

  /** Sends an answer and remembers it for a while, in case it is lost. */
  private void reply(int client, ZkMessage.Response r) {
    ctx.send(client, r);
    if (answered.put(r.requestId(), r) == null) {
      answeredOrder.add(r.requestId());
      if (answeredOrder.size() > 1024) {
        answered.remove(answeredOrder.poll());
      }
    }
  }

  private void status(int from, ZkMessage.Status st) {
    ZkMessage.Response r = answered.get(st.requestId());
    if (r != null) {
      ctx.send(from, r);
    } else if (queued.containsKey(st.requestId()) || proposed.containsKey(st.requestId())) {
      ctx.send(from, new ZkMessage.Received(st.requestId()));
    } else {
      ctx.send(from, new ZkMessage.Unknown(st.requestId()));
    }
  }

  private void expireSessions() {
    long now = ctx.nowMicros();
    List<Long> expired = new ArrayList<>();
    for (Map.Entry<Long, ZkTree.Session> s : tree.sessions().entrySet()) {
      Long heard = lastHeard.get(s.getKey());
      boolean stale = heard == null || now - heard > s.getValue().timeoutMicros();
      if (stale && !closing.containsKey(s.getKey())) {
        expired.add(s.getKey());
      }
    }
    for (long id : expired) {
      closing.put(id, true);
      raft.propose(new ZkOp.CloseSession(id));
    }
  }

  boolean leading() {
    return leading;
  }
}
