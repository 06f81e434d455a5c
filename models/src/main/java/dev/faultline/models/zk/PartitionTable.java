package dev.faultline.models.zk;

import dev.faultline.models.replog.PartitionState;
import dev.faultline.models.replog.ReplicaPlacement;
import dev.faultline.sim.trace.StableHash;
import dev.faultline.sim.trace.StructuralHash;
import java.util.Arrays;

/**
 * Every partition's leader, leader epoch, ISR (a bit mask over replica positions: position i is
 * broker (p + i) mod brokers) and version (ZooKeeper's zkVersion of the partition's state znode,
 * which Kafka uses as the partition epoch), in parallel arrays: the state znodes in the store, the
 * controller's cache of them, and a broker's metadata cache.
 */
public final class PartitionTable implements StableHash {
  final int brokers;
  final int replicationFactor;
  final int[] leader;
  final int[] leaderEpoch;
  final int[] isr;
  final int[] version;
  final int[] leaderships;
  private final ReplicaPlacement placement;

  /** The state of a topic created with every broker up: preferred leaders, full ISRs. */
  public PartitionTable(int partitions, int replicationFactor, int brokers) {
    this.brokers = brokers;
    this.replicationFactor = replicationFactor;
    this.placement = new ReplicaPlacement(brokers, replicationFactor);
    this.leader = new int[partitions];
    this.leaderEpoch = new int[partitions];
    this.isr = new int[partitions];
    this.version = new int[partitions];
    this.leaderships = new int[brokers];
    for (int p = 0; p < partitions; p++) {
      leader[p] = p % brokers;
      leaderships[p % brokers]++;
    }
    Arrays.fill(isr, (1 << replicationFactor) - 1);
  }

  /** Every partition's fields, in order: what a read of the table carries. */
  @Override
  public long stableHash() {
    long h = StructuralHash.combine(brokers, replicationFactor);
    for (int p = 0; p < leader.length; p++) {
      h = StructuralHash.combine(h, leader[p]);
      h = StructuralHash.combine(h, leaderEpoch[p]);
      h = StructuralHash.combine(h, isr[p]);
      h = StructuralHash.combine(h, version[p]);
    }
    return h;
  }

  /** A table that knows nothing yet: no leader, epochs and versions -1 (a broker's cache). */
  public static PartitionTable unknown(int partitions, int replicationFactor, int brokers) {
    PartitionTable t = new PartitionTable(partitions, replicationFactor, brokers);
    Arrays.fill(t.leader, -1);
    Arrays.fill(t.leaderships, 0);
    Arrays.fill(t.leaderEpoch, -1);
    Arrays.fill(t.version, -1);
    Arrays.fill(t.isr, 0);
    return t;
  }

  private PartitionTable(PartitionTable o) {
    this.brokers = o.brokers;
    this.replicationFactor = o.replicationFactor;
    this.placement = o.placement;
    this.leader = o.leader.clone();
    this.leaderEpoch = o.leaderEpoch.clone();
    this.isr = o.isr.clone();
    this.version = o.version.clone();
    this.leaderships = o.leaderships.clone();
  }

  /** A copy, as a read of every state znode returns it. */
  public PartitionTable copy() {
    return new PartitionTable(this);
  }

  public int partitions() {
    return leader.length;
  }

  public int leader(int p) {
    return leader[p];
  }

  public int leaderEpoch(int p) {
    return leaderEpoch[p];
  }

  public int isrMask(int p) {
    return isr[p];
  }

  public int version(int p) {
    return version[p];
  }

  public int replicationFactor() {
    return replicationFactor;
  }

  /** Where each partition's replicas live. */
  public ReplicaPlacement placement() {
    return placement;
  }

  /** The broker at replica position {@code pos} of partition {@code p}. */
  public int replica(int p, int pos) {
    return placement.replica(p, pos);
  }

  /** The replica position of {@code broker} in {@code p}, or -1. */
  public int position(int p, int broker) {
    return placement.position(p, broker);
  }

  /** How many partitions {@code broker} leads. */
  public int leaderships(int broker) {
    return leaderships[broker];
  }

  public boolean inIsr(int p, int broker) {
    return placement.inMask(p, isr[p], broker);
  }

  /** Sets partition {@code p}'s state as written (or read) at {@code newVersion}. */
  public void set(int p, int newLeader, int newLeaderEpoch, int newIsr, int newVersion) {
    if (leader[p] >= 0) {
      leaderships[leader[p]]--;
    }
    if (newLeader >= 0) {
      leaderships[newLeader]++;
    }
    leader[p] = newLeader;
    leaderEpoch[p] = newLeaderEpoch;
    isr[p] = newIsr;
    version[p] = newVersion;
  }

  /** Copies partition {@code p} from {@code other}. */
  public void copyFrom(PartitionTable other, int p) {
    set(p, other.leader[p], other.leaderEpoch[p], other.isr[p], other.version[p]);
  }

  /** Partition {@code p} as brokers and clients see it; the version is the partition epoch. */
  public PartitionState state(int p) {
    return new PartitionState(
        p, leader[p], leaderEpoch[p], placement.members(p, isr[p]), version[p]);
  }
}
