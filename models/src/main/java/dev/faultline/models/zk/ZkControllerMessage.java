package dev.faultline.models.zk;

import dev.faultline.models.replog.PartitionState;
import dev.faultline.sim.Message;
import java.util.Arrays;

/**
 * Between the ZooKeeper-mode controller and the brokers. Partition leaders' ISR proposals reach the
 * controller as the replicated log's own {@code AlterIsr} (KIP-497's path in ZooKeeper mode).
 */
public sealed interface ZkControllerMessage extends Message {
  /**
   * Leader and ISR of some partitions, stamped with the sender's controller epoch (Kafka's
   * LeaderAndIsr and UpdateMetadata in one): brokers take it only from a controller epoch at least
   * the newest they have seen, and a partition's state only when it is newer than theirs.
   */
  record LeaderAndIsr(
      long seq,
      int controllerEpoch,
      int[] partitions,
      int[] leaders,
      int[] leaderEpochs,
      int[] isrs,
      int[] versions)
      implements ZkControllerMessage {
    @Override
    public boolean equals(Object o) {
      return o instanceof LeaderAndIsr l
          && seq == l.seq
          && controllerEpoch == l.controllerEpoch
          && Arrays.equals(partitions, l.partitions)
          && Arrays.equals(leaders, l.leaders)
          && Arrays.equals(leaderEpochs, l.leaderEpochs)
          && Arrays.equals(isrs, l.isrs)
          && Arrays.equals(versions, l.versions);
    }

    @Override
    public int hashCode() {
      return controllerEpoch * 31 + Arrays.hashCode(partitions);
    }

    @Override
    public String toString() {
      return "LeaderAndIsr[epoch " + controllerEpoch + ", " + partitions.length + " partitions]";
    }
  }

  /** A broker has the LeaderAndIsr request {@code seq} (whether it took it or not). */
  record LeaderAndIsrAck(long seq) implements ZkControllerMessage {}

  /** The answer to an AlterIsr: the partition's new state, or refused (state null). */
  record AlterIsrResponse(int partition, boolean accepted, PartitionState state)
      implements ZkControllerMessage {}

  /** A broker asks to have its leaderships moved before it stops. */
  record ControlledShutdownRequest(int broker) implements ZkControllerMessage {}

  /** Whether the broker now leads nothing and may stop. */
  record ControlledShutdownResponse(boolean done) implements ZkControllerMessage {}
}
