package dev.faultline.models.kraft;

import dev.faultline.models.raft.RaftConfig;
import dev.faultline.models.replog.ReplogConfig;

/**
 * The settings of a KRaft cluster: the controller quorum (the Raft model, its voters the
 * controllers, nodes {@code raft.firstVoterId()} on) and the metadata it keeps.
 *
 * @param replog the brokers' settings: broker count, session and heartbeat times, replication
 *     factor, min.insync.replicas, unclean election; its {@code partitions} are the hot ones (with
 *     replicas and traffic), partitions 0 to {@code partitions - 1}
 * @param raft the controller quorum's Raft settings
 * @param totalPartitions every partition the metadata holds, the hot ones included; the others are
 *     cold: metadata only
 * @param eligibleLeaderReplicas KIP-966: a partition whose ISR shrinks below min.insync.replicas
 *     keeps the members it lost as eligible leaders, and may elect one when the ISR is empty
 */
public record KraftConfig(
    ReplogConfig replog, RaftConfig raft, int totalPartitions, boolean eligibleLeaderReplicas) {
  public KraftConfig {
    if (totalPartitions < replog.partitions()) {
      throw new IllegalArgumentException("the metadata must hold every hot partition");
    }
    if (replog.replicationFactor() > 30) {
      throw new IllegalArgumentException("ISRs are bit masks: at most 30 replicas");
    }
  }

  /** The election rules the controller applies. */
  PartitionChange.Rules rules() {
    return new PartitionChange.Rules(
        replog.uncleanLeaderElection(), eligibleLeaderReplicas, replog.minInsyncReplicas());
  }
}
