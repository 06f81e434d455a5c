package dev.faultline.models.replog;

/**
 * One record of a replica's log. The producer fields let any replica rebuild the duplicate table
 * from its log, so a new leader recognises a batch its predecessor appended.
 *
 * @param offset the record's position
 * @param leaderEpoch the epoch of the leader that appended it
 * @param value the record value
 * @param producerId the idempotent producer's id, or -1
 * @param producerEpoch that producer's epoch
 * @param baseSequence the first sequence number of the batch the record came in
 * @param lastSequence the last sequence number of that batch
 * @param batchLastOffset the offset of the last record of that batch: fetches and truncations keep
 *     batches whole, as Kafka's on-disk batches are
 */
public record LogEntry(
    long offset,
    int leaderEpoch,
    long value,
    long producerId,
    int producerEpoch,
    int baseSequence,
    int lastSequence,
    long batchLastOffset) {

  /** [offset value], the shape the delivery checker reads. */
  public java.util.List<Long> asPair() {
    return java.util.List.of(offset, value);
  }
}
