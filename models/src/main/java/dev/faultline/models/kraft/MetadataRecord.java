package dev.faultline.models.kraft;

import dev.faultline.models.raft.Command;
import java.util.Arrays;

/**
 * The records of the KRaft metadata log (KIP-631), reduced to what the model needs. The active
 * controller writes them through Raft; standby controllers and brokers replay them into a {@link
 * MetadataImage}. Epochs are not written: replaying a partition change bumps the partition epoch,
 * and the leader epoch when the leader changes, as Kafka's replay does.
 */
public sealed interface MetadataRecord extends Command.AppRecord {

  /**
   * A broker registered (RegisterBrokerRecord); it starts fenced. Its broker epoch is the offset of
   * this record. {@code incarnation} tells a restart from a retried registration.
   */
  record RegisterBroker(int broker, long incarnation) implements MetadataRecord {}

  /** How a {@link BrokerChange} changes fencing. */
  enum Fencing {
    NONE,
    FENCE,
    UNFENCE
  }

  /**
   * A registered broker was fenced, unfenced, or began a controlled shutdown
   * (BrokerRegistrationChangeRecord), for the registration of {@code brokerEpoch}.
   */
  record BrokerChange(int broker, long brokerEpoch, Fencing fencing, boolean controlledShutdown)
      implements MetadataRecord {}

  /**
   * The topic and its partitions (TopicRecord and one PartitionRecord per partition, written as one
   * record so that a million partitions cost one entry): partition p's replicas are the brokers
   * from p mod brokers on, the first leads, every replica is in sync, epochs are 0. The cluster
   * starts as if the topic had been created while every broker was up.
   */
  record CreateTopic(int partitions, int replicationFactor, int brokers)
      implements MetadataRecord {}

  /**
   * A batch of PartitionChangeRecords, one per index: partition {@code partitions[i]} gets leader
   * {@code leaders[i]} (-1: none; {@link #NO_CHANGE}: unchanged), ISR {@code isr[i]} and eligible
   * leader replicas {@code elr[i]}, both as bit masks over the partition's replica positions
   * ({@link #NO_CHANGE}: unchanged). Kafka writes such a batch for one controller event (fencing a
   * broker changes every partition whose ISR holds it); arrays keep it small at a million
   * partitions.
   */
  record PartitionChanges(int[] partitions, int[] leaders, int[] isr, int[] elr)
      implements MetadataRecord {
    /** A field that does not change. */
    public static final int NO_CHANGE = -2;

    public PartitionChanges {
      if (leaders.length != partitions.length
          || isr.length != partitions.length
          || elr.length != partitions.length) {
        throw new IllegalArgumentException("a partition change batch needs one of each per entry");
      }
    }

    public int size() {
      return partitions.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PartitionChanges c
          && Arrays.equals(partitions, c.partitions)
          && Arrays.equals(leaders, c.leaders)
          && Arrays.equals(isr, c.isr)
          && Arrays.equals(elr, c.elr);
    }

    @Override
    public int hashCode() {
      int h = Arrays.hashCode(partitions);
      h = 31 * h + Arrays.hashCode(leaders);
      h = 31 * h + Arrays.hashCode(isr);
      return 31 * h + Arrays.hashCode(elr);
    }

    @Override
    public String toString() {
      return "PartitionChanges[" + partitions.length + " partitions]";
    }
  }
}
