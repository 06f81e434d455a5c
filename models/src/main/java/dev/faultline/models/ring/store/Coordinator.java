package dev.faultline.models.ring.store;

import dev.faultline.models.ring.store.StoreConfig.Quorum;
import dev.faultline.models.ring.store.StoreConfig.ReadRepair;
import dev.faultline.models.ring.store.StoreConfig.Versioning;
import dev.faultline.models.ring.store.StoreMessage.Fetch;
import dev.faultline.models.ring.store.StoreMessage.FetchReply;
import dev.faultline.models.ring.store.StoreMessage.Get;
import dev.faultline.models.ring.store.StoreMessage.GetReply;
import dev.faultline.models.ring.store.StoreMessage.Put;
import dev.faultline.models.ring.store.StoreMessage.PutReply;
import dev.faultline.models.ring.store.StoreMessage.Status;
import dev.faultline.models.ring.store.StoreMessage.Store;
import dev.faultline.models.ring.store.StoreMessage.StoreAck;
import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinator role of a server: it takes a client's put or get, sends it to the key's replicas
 * and answers once {@code w} (or {@code r}) of them did.
 *
 * <p>Which replicas: under a strict quorum, the key's home replicas that the failure detector does
 * not suspect; if fewer than the quorum remain, the request fails at once without touching any
 * replica (so a failed write is certainly not applied). Under a sloppy quorum, the first {@code n}
 * healthy nodes of the extended preference list, each stand-in carrying a hint naming the home it
 * replaces; a replica that does not answer within the replica timeout is suspected and, while the
 * quorum is still short, replaced by the next healthy node. A write that times out may have been
 * applied on some replicas: the client must treat it as indeterminate.
 *
 * <p>A read reconciles the answers. With blocking read repair it answers only once {@code r}
 * replicas are known to hold what it returns (those that answered with it, and those that
 * acknowledged a repair), so a later read quorum that meets those replicas cannot return older
 * data. With async repair it answers first and repairs after, as Dynamo did.
 */
final class Coordinator {
  /** Timer tag: check which replicas of a request have not answered. */
  record ReplicaDeadline(long op) {}

  /** Timer tag: the request has run out of time. */
  record RequestDeadline(long op) {}

  private final StoreConfig config;
  private final FailureDetector detector;
  private final TreeMap<Long, Request> pending = new TreeMap<>();
  private long nextOp;

  Coordinator(StoreConfig config, FailureDetector detector) {
    this.config = config;
    this.detector = detector;
  }

  void onPut(NodeContext ctx, int client, Put p) {
    VectorClock clock = config.versioning() == Versioning.VCLOCK ? p.clock() : VectorClock.empty();
    Version v = new Version(p.value(), clock, ctx.nowMicros(), ctx.name(), ctx.nameOf(client));
    start(ctx, new Request(++nextOp, client, p.requestId(), p.key(), config.w(), v));
  }

  void onGet(NodeContext ctx, int client, Get g) {
    start(ctx, new Request(++nextOp, client, g.requestId(), g.key(), config.r(), null));
  }

  private void start(NodeContext ctx, Request q) {
    List<String> homes = config.homes(q.key);
    for (String h : homes) {
      if (!detector.isSuspected(ctx.idOf(h))) {
        q.standsFor.put(ctx.idOf(h), h);
      }
    }
    q.nextFallback = homes.size();
    if (config.quorum() == Quorum.SLOPPY) {
      for (String h : homes) {
        if (detector.isSuspected(ctx.idOf(h))) {
          Integer standIn = nextHealthy(ctx, q);
          if (standIn != null) {
            q.standsFor.put(standIn, h);
          }
        }
      }
    }
    if (q.standsFor.size() < q.need) {
      reply(ctx, q, Status.UNAVAILABLE);
      return;
    }
    for (int target : q.standsFor.keySet()) {
      send(ctx, q, target);
    }
    pending.put(q.op, q);
    ctx.setTimer(config.replicaTimeoutMicros(), new ReplicaDeadline(q.op));
    q.requestTimer = ctx.setTimer(config.requestTimeoutMicros(), new RequestDeadline(q.op));
  }

  private Integer nextHealthy(NodeContext ctx, Request q) {
    List<String> extended = config.extendedPreferenceList(q.key);
    while (q.nextFallback < extended.size()) {
      int id = ctx.idOf(extended.get(q.nextFallback++));
      if (!detector.isSuspected(id) && !q.standsFor.containsKey(id)) {
        return id;
      }
    }
    return null;
  }

  private void send(NodeContext ctx, Request q, int target) {
    String home = q.standsFor.get(target);
    String hint = home.equals(ctx.nameOf(target)) ? null : home;
    if (q.isWrite()) {
      ctx.send(target, new Store(q.op, q.key, List.of(q.version), hint));
    } else if (q.merged == null) {
      ctx.send(target, new Fetch(q.op, q.key));
    } else {
      ctx.send(target, new Store(q.op, q.key, q.merged, hint));
    }
  }

  void onReplicaDeadline(NodeContext ctx, ReplicaDeadline d) {
    Request q = pending.get(d.op());
    if (q == null) {
      return;
    }
    List<Integer> silent = new ArrayList<>();
    for (int target : q.standsFor.keySet()) {
      if (!q.answered.containsKey(target)) {
        silent.add(target);
      }
    }
    boolean sent = false;
    for (int target : silent) {
      detector.suspect(target);
      if (config.quorum() == Quorum.SLOPPY && !q.replied) {
        Integer standIn = nextHealthy(ctx, q);
        if (standIn != null) {
          q.standsFor.put(standIn, q.standsFor.get(target));
          send(ctx, q, standIn);
          sent = true;
        }
      }
    }
    if (sent) {
      ctx.setTimer(config.replicaTimeoutMicros(), new ReplicaDeadline(q.op));
    }
  }

  void onRequestDeadline(NodeContext ctx, RequestDeadline d) {
    Request q = pending.remove(d.op());
    if (q != null && !q.replied) {
      reply(ctx, q, Status.TIMEOUT);
    }
  }

  void onStoreAck(NodeContext ctx, int from, StoreAck a) {
    Request q = pending.get(a.requestId());
    if (q == null) {
      return;
    }
    q.answered.put(from, List.of());
    if (q.isWrite()) {
      q.holders.put(from, Boolean.TRUE);
    } else if (q.merged != null) {
      q.holders.put(from, Boolean.TRUE); // a repair acknowledged
    }
    maybeAnswer(ctx, q);
  }

  void onFetchReply(NodeContext ctx, int from, FetchReply r) {
    Request q = pending.get(r.requestId());
    if (q == null || q.isWrite() || q.answered.containsKey(from)) {
      return;
    }
    q.answered.put(from, r.versions());
    q.fetched.put(from, r.versions());
    if (q.merged == null) {
      if (q.fetched.size() >= q.need) {
        List<Version> merged = List.of();
        for (List<Version> vs : q.fetched.values()) {
          merged = Versions.reconcile(config.versioning(), merged, vs);
        }
        q.merged = merged;
        for (Map.Entry<Integer, List<Version>> e : q.fetched.entrySet()) {
          if (e.getValue().equals(merged)) {
            q.holders.put(e.getKey(), Boolean.TRUE);
          } else if (config.readRepair() != ReadRepair.OFF) {
            send(ctx, q, e.getKey());
          }
        }
        if (config.readRepair() == ReadRepair.BLOCKING && q.holders.size() < q.need) {
          // Ask every other target too, so that one slow or crashed replica cannot stall the read.
          for (int target : q.standsFor.keySet()) {
            if (!q.fetched.containsKey(target)) {
              send(ctx, q, target);
            }
          }
        }
      }
    } else if (r.versions().equals(q.merged)) {
      q.holders.put(from, Boolean.TRUE);
    } else if (config.readRepair() != ReadRepair.OFF) {
      ctx.send(from, new Store(q.op, q.key, q.merged, null));
    }
    maybeAnswer(ctx, q);
  }

  private void maybeAnswer(NodeContext ctx, Request q) {
    if (!q.replied) {
      boolean done =
          q.isWrite()
              ? q.holders.size() >= q.need
              : q.merged != null
                  && (config.readRepair() != ReadRepair.BLOCKING || q.holders.size() >= q.need);
      if (done) {
        reply(ctx, q, Status.OK);
      }
    }
    if (q.replied && q.answered.keySet().containsAll(q.standsFor.keySet())) {
      pending.remove(q.op);
      ctx.cancelTimer(q.requestTimer);
    }
  }

  private void reply(NodeContext ctx, Request q, Status status) {
    q.replied = true;
    if (q.isWrite()) {
      ctx.send(q.client, new PutReply(q.clientRequest, status, q.version, q.holders.size()));
    } else {
      List<Version> vs = status == Status.OK ? q.merged : List.of();
      ctx.send(q.client, new GetReply(q.clientRequest, status, vs, q.fetched.size()));
    }
  }

  /** One client request in flight at this coordinator. */
  private static final class Request {
    final long op;
    final int client;
    final long clientRequest;
    final String key;
    final int need;
    final Version version;

    /** Each target replica, and the home replica it answers for (itself unless a stand-in). */
    final TreeMap<Integer, String> standsFor = new TreeMap<>();

    /** Targets that answered anything (a read's versions, an acknowledgement). */
    final TreeMap<Integer, List<Version>> answered = new TreeMap<>();

    /** A read's answers. */
    final TreeMap<Integer, List<Version>> fetched = new TreeMap<>();

    /** Targets known to hold the write, or what the read returns. */
    final TreeMap<Integer, Boolean> holders = new TreeMap<>();

    int nextFallback;
    List<Version> merged;
    boolean replied;
    long requestTimer;

    Request(long op, int client, long clientRequest, String key, int need, Version version) {
      this.op = op;
      this.client = client;
      this.clientRequest = clientRequest;
      this.key = key;
      this.need = need;
      this.version = version;
    }

    boolean isWrite() {
      return version != null;
    }
  }
}
