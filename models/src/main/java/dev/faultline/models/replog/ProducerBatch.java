package dev.faultline.models.replog;

import java.util.List;

/**
 * The records of one produce request for one partition. An idempotent producer stamps it with its
 * producer id, epoch and the sequence number of the first record; a plain producer sends id -1. A
 * transactional producer also names its transactional id, which lets the leader ask the coordinator
 * whether the partition is in the producer's transaction (KIP-890).
 *
 * @param producerId the producer id, or -1 when idempotence is off
 * @param producerEpoch the producer's epoch
 * @param baseSequence the sequence number of the first record
 * @param values the record values, in order
 * @param transactionalId the transactional id, or null outside a transaction
 */
public record ProducerBatch(
    long producerId,
    int producerEpoch,
    int baseSequence,
    List<Long> values,
    String transactionalId) {
  public ProducerBatch {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one record");
    }
  }

  /** A batch outside any transaction. */
  public ProducerBatch(long producerId, int producerEpoch, int baseSequence, List<Long> values) {
    this(producerId, producerEpoch, baseSequence, values, null);
  }

  public boolean idempotent() {
    return producerId >= 0;
  }

  public boolean transactional() {
    return transactionalId != null;
  }

  public int lastSequence() {
    return baseSequence + values.size() - 1;
  }
}
