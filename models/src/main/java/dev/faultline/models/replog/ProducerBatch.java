package dev.faultline.models.replog;

import java.util.List;

/**
 * The records of one produce request for one partition. An idempotent producer stamps it with its
 * producer id, epoch and the sequence number of the first record; a plain producer sends id -1.
 *
 * @param producerId the producer id, or -1 when idempotence is off
 * @param producerEpoch the producer's epoch
 * @param baseSequence the sequence number of the first record
 * @param values the record values, in order
 */
public record ProducerBatch(
    long producerId, int producerEpoch, int baseSequence, List<Long> values) {
  public ProducerBatch {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one record");
    }
  }

  public boolean idempotent() {
    return producerId >= 0;
  }

  public int lastSequence() {
    return baseSequence + values.size() - 1;
  }
}
