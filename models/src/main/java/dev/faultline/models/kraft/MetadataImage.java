package dev.faultline.models.kraft;

import dev.faultline.models.raft.LogEntry;
import dev.faultline.models.replog.PartitionState;
import dev.faultline.models.replog.ReplicaPlacement;
import java.util.Arrays;
import java.util.List;

/**
 * The cluster's metadata replayed from the metadata log up to some offset: brokers (registration,
 * broker epoch, fencing, controlled shutdown) and every partition (leader, leader epoch, partition
 * epoch, ISR and eligible leader replicas). Partitions live in parallel arrays, never one object
 * each, so that a million of them fit in tens of megabytes. The ISR and ELR are bit masks over the
 * partition's replica positions: position i is broker (p + i) mod brokers.
 *
 * <p>Replay is deterministic: every controller and broker that applies the same entries holds the
 * same image.
 */
public final class MetadataImage {
  private final int brokers;
  private final long[] brokerEpoch;
  private final long[] incarnation;
  private final boolean[] fenced;
  private final boolean[] shuttingDown;
  private final int[] leaderships;
  private int partitions;
  private int replicationFactor;
  private ReplicaPlacement placement;
  private int[] leader = new int[0];
  private int[] leaderEpoch = new int[0];
  private int[] partitionEpoch = new int[0];
  private int[] isr = new int[0];
  private int[] elr = new int[0];
  private long appliedOffset;
  private long leaderChanges;

  public MetadataImage(int brokers) {
    this.brokers = brokers;
    this.brokerEpoch = new long[brokers];
    this.incarnation = new long[brokers];
    this.fenced = new boolean[brokers];
    this.shuttingDown = new boolean[brokers];
    this.leaderships = new int[brokers];
    Arrays.fill(brokerEpoch, -1);
    Arrays.fill(fenced, true);
    this.placement = new ReplicaPlacement(brokers, 0);
  }

  /** The offset of the next entry to apply: everything below it is in the image. */
  public long appliedOffset() {
    return appliedOffset;
  }

  /** Applies the entry at {@link #appliedOffset}. */
  public void apply(LogEntry e) {
    if (e.offset() != appliedOffset) {
      throw new IllegalStateException("replaying offset " + e.offset() + " at " + appliedOffset);
    }
    appliedOffset++;
    if (e.command() instanceof MetadataRecord.RegisterBroker r) {
      brokerEpoch[r.broker()] = e.offset();
      incarnation[r.broker()] = r.incarnation();
      fenced[r.broker()] = true;
      shuttingDown[r.broker()] = false;
    } else if (e.command() instanceof MetadataRecord.BrokerChange c) {
      if (c.brokerEpoch() == brokerEpoch[c.broker()]) {
        if (c.fencing() != MetadataRecord.Fencing.NONE) {
          fenced[c.broker()] = c.fencing() == MetadataRecord.Fencing.FENCE;
        }
        shuttingDown[c.broker()] |= c.controlledShutdown();
      }
    } else if (e.command() instanceof MetadataRecord.CreateTopic t) {
      createTopic(t);
    } else if (e.command() instanceof MetadataRecord.PartitionChanges c) {
      for (int i = 0; i < c.size(); i++) {
        change(c.partitions()[i], c.leaders()[i], c.isr()[i], c.elr()[i]);
      }
    }
  }

  private void createTopic(MetadataRecord.CreateTopic t) {
    partitions = t.partitions();
    replicationFactor = t.replicationFactor();
    placement = new ReplicaPlacement(brokers, replicationFactor);
    leader = new int[partitions];
    leaderEpoch = new int[partitions];
    partitionEpoch = new int[partitions];
    isr = new int[partitions];
    elr = new int[partitions];
    int all = (1 << replicationFactor) - 1;
    Arrays.fill(leaderships, 0);
    for (int p = 0; p < partitions; p++) {
      leader[p] = p % brokers;
      leaderships[p % brokers]++;
    }
    Arrays.fill(isr, all);
  }

  private void change(int p, int newLeader, int newIsr, int newElr) {
    if (newLeader != MetadataRecord.PartitionChanges.NO_CHANGE) {
      if (leader[p] >= 0) {
        leaderships[leader[p]]--;
      }
      if (newLeader >= 0) {
        leaderships[newLeader]++;
      }
      leader[p] = newLeader;
      leaderEpoch[p]++;
      leaderChanges++;
    }
    if (newIsr != MetadataRecord.PartitionChanges.NO_CHANGE) {
      isr[p] = newIsr;
    }
    if (newElr != MetadataRecord.PartitionChanges.NO_CHANGE) {
      elr[p] = newElr;
    }
    partitionEpoch[p]++;
  }

  // ---- brokers ----

  public int brokers() {
    return brokers;
  }

  public boolean registered(int broker) {
    return brokerEpoch[broker] >= 0;
  }

  /** The broker epoch of the broker's registration (the offset of its record), or -1. */
  public long brokerEpoch(int broker) {
    return brokerEpoch[broker];
  }

  public long incarnation(int broker) {
    return incarnation[broker];
  }

  public boolean fenced(int broker) {
    return fenced[broker];
  }

  public boolean inControlledShutdown(int broker) {
    return shuttingDown[broker];
  }

  /** How many partitions {@code broker} leads. */
  public int leaderships(int broker) {
    return leaderships[broker];
  }

  /** Registered, unfenced and not shutting down: may lead and join ISRs (Kafka's isActive). */
  public boolean active(int broker) {
    return registered(broker) && !fenced[broker] && !shuttingDown[broker];
  }

  // ---- partitions ----

  public int partitions() {
    return partitions;
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

  /** The replica position of {@code broker} in partition {@code p}, or -1 if it holds none. */
  public int position(int p, int broker) {
    return placement.position(p, broker);
  }

  public int leader(int p) {
    return leader[p];
  }

  public int leaderEpoch(int p) {
    return leaderEpoch[p];
  }

  public int partitionEpoch(int p) {
    return partitionEpoch[p];
  }

  /** The ISR of {@code p} as a bit mask over replica positions. */
  public int isrMask(int p) {
    return isr[p];
  }

  /** The eligible leader replicas of {@code p} (KIP-966) as a bit mask over replica positions. */
  public int elrMask(int p) {
    return elr[p];
  }

  /** Whether {@code broker} is in the ISR of {@code p}. */
  public boolean inIsr(int p, int broker) {
    return placement.inMask(p, isr[p], broker);
  }

  /**
   * How many leader changes the log holds: elections, clean or not, and partitions gone offline.
   */
  public long leaderChanges() {
    return leaderChanges;
  }

  /** The brokers of a replica-position mask, in replica order. */
  public List<Integer> members(int p, int mask) {
    return placement.members(p, mask);
  }

  /** Partition {@code p} as brokers and clients see it. */
  public PartitionState state(int p) {
    return new PartitionState(p, leader[p], leaderEpoch[p], members(p, isr[p]), partitionEpoch[p]);
  }
}
