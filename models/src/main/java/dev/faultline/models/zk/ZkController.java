package dev.faultline.models.zk;

import dev.faultline.models.replog.ReplogMessage;
import dev.faultline.sim.NodeContext;
import java.util.Arrays;

/**
 * A controller candidate of ZooKeeper-mode Kafka (the KafkaController of Kafka 1.1 to 3.x, reduced
 * to leader and ISR management). Each candidate holds a ZooKeeper session watching {@code
 * /controller} and {@code /brokers/ids}; the one that creates the ephemeral {@code /controller}
 * (incrementing {@code /controller_epoch} in the same multi) is the controller. Before it acts it
 * reads every broker registration and every partition's state znode from the store (the failover
 * cost, which grows with the partition count); then it tells every live broker the full state and
 * elects leaders for partitions whose leader is gone. It reacts to broker registrations coming and
 * going, to leaders' AlterIsr requests and to controlled shutdowns, writing through {@link
 * PartitionWriter}. When its session expires it stops being the controller, but an operation
 * already under way finishes with the epoch it began with.
 */
final class ZkController implements ZkClient.Listener {
  private final ZkConfig config;
  private final NodeContext ctx;
  private final ZkClient client;
  private final BrokerChannels channels;
  private final PartitionWriter writer;
  private PartitionWriter.Context active; // null when not the controller or not yet loaded
  private boolean electing;
  private boolean controller;
  private boolean brokersDirty;
  private long electedMicros = -1;
  private long loadedMicros = -1;
  private boolean[] shuttingDown;

  /** The controller's retry of an election attempt during start-up. */
  enum Tick {
    ELECT
  }

  ZkController(ZkConfig config, NodeContext ctx) {
    this.config = config;
    this.ctx = ctx;
    this.client =
        new ZkClient(config, ctx, ZkMessage.WATCH_CONTROLLER | ZkMessage.WATCH_BROKERS, this);
    this.channels =
        new BrokerChannels(
            ctx, config.replog().brokers(), Math.max(1, config.sessionTimeoutMicros() / 6));
    this.writer = new PartitionWriter(config, channels, this::resign);
    this.shuttingDown = new boolean[config.replog().brokers()];
  }

  void start() {
    client.start();
    channels.start();
  }

  BrokerChannels channels() {
    return channels;
  }

  ZkClient client() {
    return client;
  }

  @Override
  public void onConnected(long sessionId, boolean fresh) {
    if (fresh) {
      tryElect();
    }
  }

  @Override
  public void onExpired() {
    resign(); // the events already under way still finish: see PartitionWriter
  }

  @Override
  public void onWatch(int kind) {
    if (kind == ZkMessage.WATCH_CONTROLLER && !controller) {
      tryElect();
    } else if (kind == ZkMessage.WATCH_BROKERS && controller) {
      if (active == null) {
        brokersDirty = true; // still loading: look again once loaded
      } else {
        onBrokersChanged(active);
      }
    }
  }

  void onTimer(Tick tick) {
    tryElect();
  }

  /**
   * Tries to become the controller. At the cluster's start the candidates wait one session timeout,
   * so that brokers have registered before the first controller loads.
   */
  private void tryElect() {
    if (controller || electing || !client.connected()) {
      return;
    }
    long grace = config.sessionTimeoutMicros() / 4;
    if (ctx.nowMicros() < grace) {
      ctx.setTimer(grace - ctx.nowMicros(), Tick.ELECT);
      return;
    }
    electing = true;
    client.request(
        new ZkOp.ReadControllerEpoch(),
        r -> {
          ZkResult.ControllerEpoch e = (ZkResult.ControllerEpoch) r;
          client.request(
              new ZkOp.BecomeController(client.sessionId(), ctx.self(), e.version()),
              this::onElection);
        });
  }

  private void onElection(ZkResult r) {
    electing = false;
    if (r instanceof ZkResult.ControllerEpoch e) {
      becomeController(e.epoch(), e.version());
    } else if (r instanceof ZkResult.BadVersion) {
      tryElect();
    } else if (r instanceof ZkResult.NodeExists n && n.sessionId() == client.sessionId()) {
      // Our own earlier attempt won (its answer was lost): the epoch is the current one.
      electing = true;
      client.request(
          new ZkOp.ReadControllerEpoch(),
          e -> {
            electing = false;
            ZkResult.ControllerEpoch ce = (ZkResult.ControllerEpoch) e;
            becomeController(ce.epoch(), ce.version());
          });
    }
    // NodeExists of another session: its znode's deletion will wake us.
  }

  private void becomeController(int epoch, int version) {
    controller = true;
    electedMicros = ctx.nowMicros();
    Arrays.fill(shuttingDown, false);
    client.request(
        new ZkOp.ReadBrokers(),
        b ->
            client.request(
                new ZkOp.ReadPartitions(null, config.totalPartitions()),
                p -> loaded(epoch, version, (ZkResult.Brokers) b, (ZkResult.Partitions) p)));
  }

  private void loaded(int epoch, int version, ZkResult.Brokers brokers, ZkResult.Partitions p) {
    if (!controller) {
      return; // replaced while loading
    }
    PartitionWriter.Context c =
        new PartitionWriter.Context(epoch, version, p.table(), brokers.czxid().clone(), client);
    active = c;
    loadedMicros = ctx.nowMicros();
    int[] all = new int[c.cache().partitions()];
    Arrays.setAll(all, i -> i);
    writer.send(c, all);
    electOffline(c, -1);
    if (brokersDirty) {
      brokersDirty = false;
      onBrokersChanged(c);
    }
  }

  /** Stops being the controller (session expired, or a write found another controller). */
  void resign() {
    controller = false;
    active = null;
    electing = false;
  }

  private void onBrokersChanged(PartitionWriter.Context c) {
    client.request(
        new ZkOp.ReadBrokers(),
        r -> {
          long[] now = ((ZkResult.Brokers) r).czxid();
          boolean[] dead = new boolean[now.length];
          boolean any = false;
          for (int b = 0; b < now.length; b++) {
            // A broker that re-registered (a new czxid) went away and came back: both.
            dead[b] = c.live()[b] >= 0 && now[b] != c.live()[b];
            any |= dead[b];
            if (dead[b]) {
              channels.drop(b);
            }
          }
          long[] before = c.live().clone();
          System.arraycopy(now, 0, c.live(), 0, now.length);
          if (any) {
            onFailure(c, dead);
          }
          for (int b = 0; b < now.length; b++) {
            if (now[b] >= 0 && now[b] != before[b]) {
              onStartup(c, b);
            }
          }
        });
  }

  /** Removes dead brokers from ISRs and elects new leaders where they led. */
  private void onFailure(PartitionWriter.Context c, boolean[] dead) {
    PartitionTable t = c.cache();
    int[] affected = select(t, p -> touches(t, p, dead));
    writer.write(c, affected, (cache, p, out) -> failureDecision(c, cache, p, dead, out), w -> {});
  }

  private static boolean touches(PartitionTable t, int p, boolean[] dead) {
    if (t.leader(p) >= 0 && dead[t.leader(p)]) {
      return true;
    }
    for (int pos = 0; pos < t.replicationFactor(); pos++) {
      if ((t.isrMask(p) & (1 << pos)) != 0 && dead[t.replica(p, pos)]) {
        return true;
      }
    }
    return false;
  }

  private boolean failureDecision(
      PartitionWriter.Context c, PartitionTable t, int p, boolean[] dead, int[] out) {
    int isr = t.isrMask(p);
    for (int pos = 0; pos < t.replicationFactor(); pos++) {
      if ((isr & (1 << pos)) != 0 && dead[t.replica(p, pos)] && Integer.bitCount(isr) > 1) {
        isr &= ~(1 << pos); // the last member stays, to lead cleanly when it returns
      }
    }
    int leader = t.leader(p);
    if (leader < 0 || dead[leader] || (isr & (1 << t.position(p, leader))) == 0) {
      leader = firstLive(c, t, p, isr, -1);
    }
    if (leader < 0 && config.replog().uncleanLeaderElection()) {
      leader = firstLive(c, t, p, (1 << t.replicationFactor()) - 1, -1);
      if (leader >= 0) {
        isr = 1 << t.position(p, leader);
      }
    }
    return decided(t, p, leader, isr, out);
  }

  /** The first replica of {@code mask}, in replica order, that is live, or -1. */
  private int firstLive(PartitionWriter.Context c, PartitionTable t, int p, int mask, int skip) {
    for (int pos = 0; pos < t.replicationFactor(); pos++) {
      int r = t.replica(p, pos);
      if ((mask & (1 << pos)) != 0 && r != skip && c.live()[r] >= 0 && !shuttingDown[r]) {
        return r;
      }
    }
    return -1;
  }

  /** Fills {@code out}; a new leader bumps the leader epoch. False when nothing changes. */
  private static boolean decided(PartitionTable t, int p, int leader, int isr, int[] out) {
    if (leader == t.leader(p) && isr == t.isrMask(p)) {
      return false;
    }
    out[0] = leader;
    out[1] = leader == t.leader(p) ? t.leaderEpoch(p) : t.leaderEpoch(p) + 1;
    out[2] = isr;
    return true;
  }

  /** A broker registered: it learns its partitions' states, and leads where none can. */
  private void onStartup(PartitionWriter.Context c, int b) {
    shuttingDown[b] = false;
    PartitionTable t = c.cache();
    writer.send(c, select(t, p -> t.position(p, b) >= 0));
    electOffline(c, b);
  }

  /**
   * Elects a live ISR member where the leader is gone (Kafka's online-partition election), only in
   * partitions that {@code b} replicates when {@code b} >= 0. A dead leader that no live ISR member
   * can replace stays named: the partition is offline. ISRs do not shrink here; a follower leaves
   * one when its leader says so, or when it dies while the controller watches.
   */
  private void electOffline(PartitionWriter.Context c, int b) {
    PartitionTable t = c.cache();
    int[] offline =
        select(
            t,
            p ->
                (t.leader(p) < 0 || c.live()[t.leader(p)] < 0) && (b < 0 || t.position(p, b) >= 0));
    writer.write(
        c,
        offline,
        (cache, p, out) -> {
          int leader = firstLive(c, cache, p, cache.isrMask(p), -1);
          int isr = cache.isrMask(p);
          if (leader < 0 && config.replog().uncleanLeaderElection()) {
            leader = firstLive(c, cache, p, (1 << cache.replicationFactor()) - 1, -1);
            isr = leader < 0 ? isr : 1 << cache.position(p, leader);
          }
          return leader >= 0 && decided(cache, p, leader, isr, out);
        },
        w -> {});
  }

  private interface PartitionTest {
    boolean test(int p);
  }

  private static int[] select(PartitionTable t, PartitionTest test) {
    int n = 0;
    int[] out = new int[16];
    for (int p = 0; p < t.partitions(); p++) {
      if (test.test(p)) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = p;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** A leader's ISR proposal, checked against the cache (KIP-497 in ZooKeeper mode). */
  void onAlterIsr(int from, ReplogMessage.AlterIsr a) {
    PartitionWriter.Context c = active;
    if (c == null) {
      return; // not the controller (or still loading): the leader asks again
    }
    PartitionTable t = c.cache();
    int p = a.partition();
    int mask = 0;
    boolean valid =
        p < t.partitions()
            && t.leader(p) == from
            && t.leaderEpoch(p) == a.leaderEpoch()
            && t.version(p) == a.partitionEpoch()
            && a.isr().contains(from);
    for (int r : a.isr()) {
      valid &= t.position(p, r) >= 0 && c.live()[r] >= 0;
      mask |= valid ? 1 << t.position(p, r) : 0;
    }
    if (!valid) {
      ctx.send(from, new ZkControllerMessage.AlterIsrResponse(p, false, null));
      return;
    }
    int isr = mask;
    writer.write(
        c,
        new int[] {p},
        (cache, q, out) ->
            cache.leader(q) == from
                && cache.leaderEpoch(q) == a.leaderEpoch()
                && decided(cache, q, from, isr, out),
        w ->
            ctx.send(
                from,
                new ZkControllerMessage.AlterIsrResponse(p, w.length > 0, c.cache().state(p))));
  }

  /** Moves {@code b}'s leaderships and ISR places away; answers whether it still leads any. */
  void onControlledShutdown(int from, int b) {
    PartitionWriter.Context c = active;
    if (c == null || b < 0 || b >= shuttingDown.length) {
      return;
    }
    shuttingDown[b] = true;
    PartitionTable t = c.cache();
    int[] affected = select(t, p -> t.inIsr(p, b));
    writer.write(
        c,
        affected,
        (cache, p, out) -> {
          int isr = cache.isrMask(p);
          if (Integer.bitCount(isr) > 1) {
            isr &= ~(1 << cache.position(p, b));
          }
          int leader = cache.leader(p);
          if (leader == b) {
            int other = firstLive(c, cache, p, isr, b);
            leader = other >= 0 ? other : b; // no other in-sync replica: it keeps leading
          }
          return decided(cache, p, leader, isr, out);
        },
        w -> ctx.send(from, new ZkControllerMessage.ControlledShutdownResponse(!leadsAny(c, b))));
  }

  private static boolean leadsAny(PartitionWriter.Context c, int b) {
    return c.cache().leaderships(b) > 0;
  }

  // ---- read by scenarios and tests ----

  /** Whether this candidate is the controller and has loaded the state. */
  boolean isActive() {
    return active != null;
  }

  PartitionTable cache() {
    return active == null ? null : active.cache();
  }

  long electedMicros() {
    return electedMicros;
  }

  long loadedMicros() {
    return loadedMicros;
  }

  int epoch() {
    return active == null ? -1 : active.controllerEpoch();
  }
}
