package dev.faultline.models.zk;

import dev.faultline.models.raft.LogEntry;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store's state, applied from the ensemble's committed log in order: sessions, the ephemeral
 * {@code /controller} with {@code /controller_epoch}, the brokers' ephemeral registrations, and the
 * partition state znodes. Every server that applies the same entries holds the same tree. It also
 * notes whether the last entry changed a watched path.
 */
final class ZkTree {
  /** A session: the node that opened it and how long it may go unheard. */
  record Session(int owner, long timeoutMicros) {}

  private final int brokers;
  private final Map<Long, Session> sessions = new TreeMap<>();
  private int controllerNode = -1;
  private long controllerSession = -1;
  private int controllerEpoch;
  private int controllerEpochVersion;
  private final long[] brokerSession;
  private final long[] brokerCzxid;
  private PartitionTable partitions;
  private long applied;
  private boolean controllerChanged;
  private boolean brokersChanged;
  private long deposedWrites;
  private String firstDeposedWrite;

  ZkTree(int brokers) {
    this.brokers = brokers;
    this.brokerSession = new long[brokers];
    this.brokerCzxid = new long[brokers];
    Arrays.fill(brokerSession, -1);
    Arrays.fill(brokerCzxid, -1);
  }

  long applied() {
    return applied;
  }

  Map<Long, Session> sessions() {
    return sessions;
  }

  boolean hasTopic() {
    return partitions != null;
  }

  /** Whether the last entry applied created or deleted {@code /controller}. */
  boolean takeControllerChanged() {
    boolean c = controllerChanged;
    controllerChanged = false;
    return c;
  }

  /** Whether the last entry applied changed the children of {@code /brokers/ids}. */
  boolean takeBrokersChanged() {
    boolean c = brokersChanged;
    brokersChanged = false;
    return c;
  }

  /** Applies the entry at {@link #applied}; returns its result (null for non-store entries). */
  ZkResult apply(LogEntry e) {
    if (e.offset() != applied) {
      throw new IllegalStateException("applying offset " + e.offset() + " at " + applied);
    }
    applied++;
    if (!(e.command() instanceof ZkOp.Write w)) {
      return null;
    }
    if (w instanceof ZkOp.CreateSession c) {
      sessions.put(e.offset(), new Session(c.owner(), c.timeoutMicros()));
      return new ZkResult.Session(e.offset());
    }
    if (w instanceof ZkOp.CloseSession c) {
      closeSession(c.sessionId());
      return new ZkResult.Ok();
    }
    if (w instanceof ZkOp.BecomeController b) {
      return becomeController(b);
    }
    if (w instanceof ZkOp.RegisterBroker r) {
      return registerBroker(r, e.offset());
    }
    if (w instanceof ZkOp.CreateTopic t) {
      if (partitions == null) {
        partitions = new PartitionTable(t.partitions(), t.replicationFactor(), t.brokers());
      }
      return new ZkResult.Ok();
    }
    return setPartitions((ZkOp.SetPartitions) w);
  }

  private void closeSession(long id) {
    if (sessions.remove(id) == null) {
      return;
    }
    if (controllerSession == id) {
      controllerSession = -1;
      controllerNode = -1;
      controllerChanged = true;
    }
    for (int b = 0; b < brokers; b++) {
      if (brokerSession[b] == id) {
        brokerSession[b] = -1;
        brokerCzxid[b] = -1;
        brokersChanged = true;
      }
    }
  }

  private ZkResult becomeController(ZkOp.BecomeController b) {
    if (!sessions.containsKey(b.sessionId())) {
      return new ZkResult.NoSession();
    }
    if (controllerSession >= 0) {
      return new ZkResult.NodeExists(controllerNode, controllerSession);
    }
    if (b.expectedEpochVersion() != controllerEpochVersion) {
      return new ZkResult.BadVersion();
    }
    controllerNode = b.node();
    controllerSession = b.sessionId();
    controllerEpoch++;
    controllerEpochVersion++;
    controllerChanged = true;
    return new ZkResult.ControllerEpoch(controllerEpoch, controllerEpochVersion);
  }

  private ZkResult registerBroker(ZkOp.RegisterBroker r, long offset) {
    if (!sessions.containsKey(r.sessionId())) {
      return new ZkResult.NoSession();
    }
    int b = r.broker();
    if (brokerSession[b] >= 0 && brokerSession[b] != r.sessionId()) {
      return new ZkResult.NodeExists(b, brokerSession[b]);
    }
    if (brokerSession[b] != r.sessionId()) {
      brokerSession[b] = r.sessionId();
      brokerCzxid[b] = offset;
      brokersChanged = true;
    }
    return new ZkResult.Registered(brokerCzxid[b]);
  }

  private ZkResult setPartitions(ZkOp.SetPartitions s) {
    if (s.controllerEpochVersion() >= 0 && s.controllerEpochVersion() != controllerEpochVersion) {
      return new ZkResult.ControllerMoved();
    }
    int[] out = new int[s.partitions().length];
    for (int i = 0; i < out.length; i++) {
      int p = s.partitions()[i];
      if (partitions.version(p) != s.expectedVersions()[i]) {
        out[i] = -1;
      } else {
        out[i] = partitions.version(p) + 1;
        partitions.set(p, s.leaders()[i], s.leaderEpochs()[i], s.isrs()[i], out[i]);
        if (s.writerEpoch() < controllerEpoch) {
          deposedWrites++;
          if (firstDeposedWrite == null) {
            firstDeposedWrite =
                "partition "
                    + p
                    + " was written by the controller of epoch "
                    + s.writerEpoch()
                    + " while the controller epoch was "
                    + controllerEpoch;
          }
        }
      }
    }
    return new ZkResult.Written(out);
  }

  /** Serves a read from the committed state. */
  ZkResult read(ZkOp op) {
    if (op instanceof ZkOp.ReadControllerEpoch) {
      return new ZkResult.ControllerEpoch(controllerEpoch, controllerEpochVersion);
    }
    if (op instanceof ZkOp.ReadBrokers) {
      return new ZkResult.Brokers(brokerCzxid.clone());
    }
    ZkOp.ReadPartitions r = (ZkOp.ReadPartitions) op;
    if (r.partitions() == null) {
      return new ZkResult.Partitions(partitions.copy());
    }
    int n = r.partitions().length;
    int[] leaders = new int[n];
    int[] epochs = new int[n];
    int[] isrs = new int[n];
    int[] versions = new int[n];
    for (int i = 0; i < n; i++) {
      int p = r.partitions()[i];
      leaders[i] = partitions.leader(p);
      epochs[i] = partitions.leaderEpoch(p);
      isrs[i] = partitions.isrMask(p);
      versions[i] = partitions.version(p);
    }
    return new ZkResult.Rows(r.partitions().clone(), leaders, epochs, isrs, versions);
  }

  // ---- read by scenarios and tests ----

  /** How many partition states a deposed controller wrote (a zombie's writes). */
  long deposedWrites() {
    return deposedWrites;
  }

  /** The first of them, described, or null. */
  String firstDeposedWrite() {
    return firstDeposedWrite;
  }

  int controllerNode() {
    return controllerNode;
  }

  int controllerEpoch() {
    return controllerEpoch;
  }

  PartitionTable partitions() {
    return partitions;
  }
}
