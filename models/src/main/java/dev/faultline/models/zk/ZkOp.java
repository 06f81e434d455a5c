package dev.faultline.models.zk;

import dev.faultline.models.raft.Command;
import java.util.Arrays;

/**
 * What a client asks of the ZooKeeper-like store: writes, which go through the ensemble's log, and
 * reads, which the leader serves from what it has committed. Only the znodes Kafka's controller
 * uses are modelled: {@code /controller} (ephemeral) with {@code /controller_epoch}, {@code
 * /brokers/ids/<id>} (ephemeral), and one state znode per partition.
 */
public sealed interface ZkOp {
  /** How many znodes the operation touches: what the ensemble's service time is charged for. */
  int znodes();

  /** An operation that changes the store, written to the ensemble's log. */
  sealed interface Write extends ZkOp, Command.AppRecord {}

  /** A new session for node {@code owner}; its id is the offset of this entry. */
  record CreateSession(int owner, long timeoutMicros) implements Write {
    @Override
    public int znodes() {
      return 1;
    }
  }

  /** The session expired (the leader decides) : its ephemeral znodes are deleted. */
  record CloseSession(long sessionId) implements Write {
    @Override
    public int znodes() {
      return 1;
    }
  }

  /**
   * Creates the ephemeral {@code /controller} for {@code node} and increments {@code
   * /controller_epoch} if its version is {@code expectedEpochVersion}, atomically (a multi, as
   * Kafka's registerControllerAndIncrementControllerEpoch).
   */
  record BecomeController(long sessionId, int node, int expectedEpochVersion) implements Write {
    @Override
    public int znodes() {
      return 2;
    }
  }

  /**
   * Creates the ephemeral {@code /brokers/ids/<broker>}; its creation offset is the broker epoch.
   */
  record RegisterBroker(long sessionId, int broker) implements Write {
    @Override
    public int znodes() {
      return 1;
    }
  }

  /** Creates the topic's state znodes: preferred leaders, full ISRs, version 0. */
  record CreateTopic(int partitions, int replicationFactor, int brokers) implements Write {
    @Override
    public int znodes() {
      return 1; // the bootstrap is not what the experiment measures
    }
  }

  /**
   * Sets partition state znodes, each only if its version is the expected one; with {@code
   * controllerEpochVersion} >= 0, the whole batch only if {@code /controller_epoch} still has that
   * version (KAFKA-6082's fence: each write is a multi with that check). -1 skips the check. {@code
   * writerEpoch} is the writer's controller epoch, for the invariant that only the current
   * controller writes (the store does not act on it).
   */
  record SetPartitions(
      int writerEpoch,
      int controllerEpochVersion,
      int[] partitions,
      int[] expectedVersions,
      int[] leaders,
      int[] leaderEpochs,
      int[] isrs)
      implements Write {
    @Override
    public int znodes() {
      return partitions.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SetPartitions s
          && writerEpoch == s.writerEpoch
          && controllerEpochVersion == s.controllerEpochVersion
          && Arrays.equals(partitions, s.partitions)
          && Arrays.equals(expectedVersions, s.expectedVersions)
          && Arrays.equals(leaders, s.leaders)
          && Arrays.equals(leaderEpochs, s.leaderEpochs)
          && Arrays.equals(isrs, s.isrs);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(partitions) * 31 + Arrays.hashCode(leaders);
    }

    @Override
    public String toString() {
      return "SetPartitions[" + partitions.length + " partitions]";
    }
  }

  /** Reads {@code /controller_epoch} and its version. */
  record ReadControllerEpoch() implements ZkOp {
    @Override
    public int znodes() {
      return 1;
    }
  }

  /** Reads the children of {@code /brokers/ids} and their creation offsets. */
  record ReadBrokers() implements ZkOp {
    @Override
    public int znodes() {
      return 1;
    }
  }

  /** Reads partition state znodes: {@code partitions}, or every one when it is null. */
  record ReadPartitions(int[] partitions, int total) implements ZkOp {
    @Override
    public int znodes() {
      return partitions == null ? total : partitions.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ReadPartitions r
          && total == r.total
          && Arrays.equals(partitions, r.partitions);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(partitions) * 31 + total;
    }

    @Override
    public String toString() {
      return "ReadPartitions[" + znodes() + "]";
    }
  }
}
