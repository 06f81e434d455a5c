package dev.faultline.models.replog;

import java.util.List;

/**
 * Offsets a group committed, as its coordinator writes them to the offsets partition (Kafka's
 * {@code OffsetCommitValue}). A transactional commit (TxnOffsetCommit) names its producer: its
 * offsets stay pending until that producer's commit marker reaches this partition, and an abort
 * marker drops them, as {@code GroupMetadataManager} does with {@code pendingTransactionalOffsets}.
 *
 * @param groupId the group
 * @param partitions the partitions, ascending
 * @param offsets the next offset to read in each, in the same order
 * @param producerId the transactional producer, or -1 for a plain OffsetCommit
 * @param producerEpoch its epoch
 */
public record OffsetCommitValue(
    String groupId,
    List<Integer> partitions,
    List<Long> offsets,
    long producerId,
    int producerEpoch)
    implements StateRecord {
  public OffsetCommitValue {
    partitions = List.copyOf(partitions);
    offsets = List.copyOf(offsets);
    if (partitions.size() != offsets.size()) {
      throw new IllegalArgumentException("one offset per partition");
    }
  }

  public boolean transactional() {
    return producerId >= 0;
  }
}
