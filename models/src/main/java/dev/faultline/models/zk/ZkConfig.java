package dev.faultline.models.zk;

import dev.faultline.models.raft.RaftConfig;
import dev.faultline.models.replog.ReplogConfig;

/**
 * The settings of a ZooKeeper-mode cluster: the ensemble (the Raft model serving a ZooKeeper-like
 * store on the controller nodes, {@code raft.firstVoterId()} on), the controller candidates beside
 * it, and the brokers.
 *
 * @param replog the brokers' settings; its {@code partitions} are the hot ones (0 to partitions-1)
 * @param raft the ensemble's replication settings
 * @param totalPartitions every partition in ZooKeeper, hot and cold
 * @param sessionTimeoutMicros {@code zookeeper.session.timeout.ms}: a session not heard from this
 *     long expires and its ephemeral nodes go
 * @param readMicrosPerZnode the ensemble's service time per znode read (a new controller reads one
 *     state znode per partition)
 * @param writeMicrosPerZnode the ensemble's service time per znode written (one per partition whose
 *     leader or ISR changes)
 * @param zombieBug {@code bug=zombie-controller}: the controller's writes do not check the
 *     controller epoch, as before KAFKA-6082
 */
public record ZkConfig(
    ReplogConfig replog,
    RaftConfig raft,
    int totalPartitions,
    long sessionTimeoutMicros,
    long readMicrosPerZnode,
    long writeMicrosPerZnode,
    boolean zombieBug) {
  public ZkConfig {
    if (totalPartitions < replog.partitions()) {
      throw new IllegalArgumentException("ZooKeeper must hold every hot partition");
    }
    if (sessionTimeoutMicros <= 0 || readMicrosPerZnode < 0 || writeMicrosPerZnode < 0) {
      throw new IllegalArgumentException("ZooKeeper timings must not be negative");
    }
  }
}
