package dev.faultline.models.zk;

import java.util.Arrays;

/** What an operation on the store gave, as ZooKeeper's result codes name it. */
public sealed interface ZkResult {
  /** Done, nothing to return. */
  record Ok() implements ZkResult {}

  /** The session does not exist (it expired). */
  record NoSession() implements ZkResult {}

  /** The ephemeral znode exists, held by {@code owner}'s session {@code sessionId}. */
  record NodeExists(int owner, long sessionId) implements ZkResult {}

  /** A conditional write found another version. */
  record BadVersion() implements ZkResult {}

  /** The controller epoch check of a multi failed: another controller was elected. */
  record ControllerMoved() implements ZkResult {}

  /** A new session. */
  record Session(long sessionId) implements ZkResult {}

  /** The controller epoch (and its version) now or after an election. */
  record ControllerEpoch(int epoch, int version) implements ZkResult {}

  /** A broker's registration; {@code czxid} is its broker epoch. */
  record Registered(long czxid) implements ZkResult {}

  /** The live brokers: {@code czxid[b]} is broker b's registration, -1 when it has none. */
  record Brokers(long[] czxid) implements ZkResult {
    @Override
    public boolean equals(Object o) {
      return o instanceof Brokers b && Arrays.equals(czxid, b.czxid);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(czxid);
    }

    @Override
    public String toString() {
      return "Brokers" + Arrays.toString(czxid);
    }
  }

  /** Per written partition its new version, or -1 where the expected version did not match. */
  record Written(int[] newVersions) implements ZkResult {
    @Override
    public boolean equals(Object o) {
      return o instanceof Written w && Arrays.equals(newVersions, w.newVersions);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(newVersions);
    }

    @Override
    public String toString() {
      return "Written[" + newVersions.length + "]";
    }
  }

  /** Every partition state znode, read: a copy of the store's table. */
  record Partitions(PartitionTable table) implements ZkResult {
    @Override
    public String toString() {
      return "Partitions[" + table.partitions() + "]";
    }
  }

  /** Some partition state znodes, read: row i is partition {@code partitions[i]}. */
  record Rows(int[] partitions, int[] leaders, int[] leaderEpochs, int[] isrs, int[] versions)
      implements ZkResult {
    @Override
    public boolean equals(Object o) {
      return o instanceof Rows r
          && Arrays.equals(partitions, r.partitions)
          && Arrays.equals(leaders, r.leaders)
          && Arrays.equals(leaderEpochs, r.leaderEpochs)
          && Arrays.equals(isrs, r.isrs)
          && Arrays.equals(versions, r.versions);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(partitions) * 31 + Arrays.hashCode(versions);
    }

    @Override
    public String toString() {
      return "Rows[" + partitions.length + "]";
    }
  }
}
