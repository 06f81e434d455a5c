package dev.faultline.models.replog;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings of the replicated log, named after the Kafka settings they model.
 *
 * @param brokers how many brokers there are; they are the simulation's nodes 0..brokers-1
 * @param controller the node id of the controller
 * @param partitions how many partitions there are, the transaction coordinators' internal ones (the
 *     last {@code txn.statePartitions()}) included
 * @param replicationFactor replicas per partition (at most {@code brokers})
 * @param minInsyncReplicas {@code min.insync.replicas}: acks=all needs an ISR at least this big
 * @param replicaLagTimeMicros {@code replica.lag.time.max.ms}: a follower that has not caught up
 *     for this long leaves the ISR
 * @param uncleanLeaderElection {@code unclean.leader.election.enable}: an out-of-sync replica may
 *     lead when no ISR member is alive
 * @param truncateToHighWatermark bug flag: a new follower truncates to its own high watermark (the
 *     rule before KIP-101) instead of by leader epoch
 * @param highWatermarkNeedsMinIsr the KIP-966 rule: the high watermark does not advance while the
 *     ISR is smaller than {@code min.insync.replicas}
 * @param heartbeatMicros how often a broker heartbeats the controller
 * @param sessionTimeoutMicros the controller declares a broker dead after this long without one
 * @param fetchBackoffMicros how long a follower waits after a fetch that returned nothing
 * @param fetchTimeoutMicros a follower resends a fetch unanswered for this long
 * @param fetchMaxRecords most records one fetch returns
 * @param txn the transaction settings
 */
public record ReplogConfig(
    int brokers,
    int controller,
    int partitions,
    int replicationFactor,
    int minInsyncReplicas,
    long replicaLagTimeMicros,
    boolean uncleanLeaderElection,
    boolean truncateToHighWatermark,
    boolean highWatermarkNeedsMinIsr,
    long heartbeatMicros,
    long sessionTimeoutMicros,
    long fetchBackoffMicros,
    long fetchTimeoutMicros,
    int fetchMaxRecords,
    TxnConfig txn) {

  public ReplogConfig {
    if (brokers < 1 || partitions < 1 || replicationFactor < 1 || replicationFactor > brokers) {
      throw new IllegalArgumentException(
          "need 1 <= replication factor <= brokers and at least one partition");
    }
    if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
      throw new IllegalArgumentException(
          "min.insync.replicas must be between 1 and the replication factor");
    }
    if (replicaLagTimeMicros <= 0
        || heartbeatMicros <= 0
        || sessionTimeoutMicros <= heartbeatMicros
        || fetchBackoffMicros <= 0
        || fetchTimeoutMicros <= 0
        || fetchMaxRecords < 1) {
      throw new IllegalArgumentException("replog timings must be positive");
    }
    if (txn.internalPartitions() >= partitions) {
      throw new IllegalArgumentException("need a data partition beside the transaction state ones");
    }
  }

  /** Settings without transactions. */
  public ReplogConfig(
      int brokers,
      int controller,
      int partitions,
      int replicationFactor,
      int minInsyncReplicas,
      long replicaLagTimeMicros,
      boolean uncleanLeaderElection,
      boolean truncateToHighWatermark,
      boolean highWatermarkNeedsMinIsr,
      long heartbeatMicros,
      long sessionTimeoutMicros,
      long fetchBackoffMicros,
      long fetchTimeoutMicros,
      int fetchMaxRecords) {
    this(
        brokers,
        controller,
        partitions,
        replicationFactor,
        minInsyncReplicas,
        replicaLagTimeMicros,
        uncleanLeaderElection,
        truncateToHighWatermark,
        highWatermarkNeedsMinIsr,
        heartbeatMicros,
        sessionTimeoutMicros,
        fetchBackoffMicros,
        fetchTimeoutMicros,
        fetchMaxRecords,
        TxnConfig.none());
  }

  /** The partitions producers write to: all but the internal ones. */
  public int dataPartitions() {
    return partitions - txn.internalPartitions();
  }

  /**
   * The internal partition that holds {@code transactionalId}'s state; its leader is the id's
   * coordinator. Kafka: the absolute value of the id's {@code String.hashCode}, modulo the number
   * of state partitions.
   */
  public int txnStatePartition(String transactionalId) {
    if (txn.statePartitions() == 0) {
      throw new IllegalStateException("no transaction state partitions configured");
    }
    int h = transactionalId.hashCode();
    int abs = h == Integer.MIN_VALUE ? 0 : Math.abs(h);
    return dataPartitions() + abs % txn.statePartitions();
  }

  /** Whether {@code partition} is one of the transaction coordinators' internal partitions. */
  public boolean isTxnStatePartition(int partition) {
    return partition >= dataPartitions() && partition < dataPartitions() + txn.statePartitions();
  }

  /**
   * The offsets partition that holds {@code groupId}'s state; its leader is the group's
   * coordinator. Kafka ({@code GroupCoordinator.partitionFor}): the absolute value of the id's
   * {@code String.hashCode}, modulo {@code offsets.topic.num.partitions}.
   */
  public int groupPartition(String groupId) {
    if (txn.offsetsPartitions() == 0) {
      throw new IllegalStateException("no offsets partitions configured");
    }
    int h = groupId.hashCode();
    int abs = h == Integer.MIN_VALUE ? 0 : Math.abs(h);
    return dataPartitions() + txn.statePartitions() + abs % txn.offsetsPartitions();
  }

  /** Whether {@code partition} is one of the group coordinators' offsets partitions. */
  public boolean isOffsetsPartition(int partition) {
    return partition >= dataPartitions() + txn.statePartitions() && partition < partitions;
  }

  /** Three brokers (ids 0-2), the controller at id 3, one partition, Kafka-like ratios. */
  public static ReplogConfig defaults() {
    return new ReplogConfig(
        3, 3, 1, 3, 2, 200_000, false, false, false, 40_000, 300_000, 20_000, 100_000, 500);
  }

  /**
   * The replicas of {@code partition} in preference order: the brokers starting at {@code partition
   * mod brokers}. The first is the preferred leader.
   */
  public List<Integer> replicas(int partition) {
    List<Integer> out = new ArrayList<>(replicationFactor);
    for (int i = 0; i < replicationFactor; i++) {
      out.add((partition + i) % brokers);
    }
    return out;
  }

  public ReplogConfig withMinInsync(int m) {
    return new ReplogConfig(
        brokers,
        controller,
        partitions,
        replicationFactor,
        m,
        replicaLagTimeMicros,
        uncleanLeaderElection,
        truncateToHighWatermark,
        highWatermarkNeedsMinIsr,
        heartbeatMicros,
        sessionTimeoutMicros,
        fetchBackoffMicros,
        fetchTimeoutMicros,
        fetchMaxRecords,
        txn);
  }

  public ReplogConfig withUnclean(boolean u) {
    return new ReplogConfig(
        brokers,
        controller,
        partitions,
        replicationFactor,
        minInsyncReplicas,
        replicaLagTimeMicros,
        u,
        truncateToHighWatermark,
        highWatermarkNeedsMinIsr,
        heartbeatMicros,
        sessionTimeoutMicros,
        fetchBackoffMicros,
        fetchTimeoutMicros,
        fetchMaxRecords,
        txn);
  }

  public ReplogConfig withTruncateToHighWatermark(boolean b) {
    return new ReplogConfig(
        brokers,
        controller,
        partitions,
        replicationFactor,
        minInsyncReplicas,
        replicaLagTimeMicros,
        uncleanLeaderElection,
        b,
        highWatermarkNeedsMinIsr,
        heartbeatMicros,
        sessionTimeoutMicros,
        fetchBackoffMicros,
        fetchTimeoutMicros,
        fetchMaxRecords,
        txn);
  }
}
