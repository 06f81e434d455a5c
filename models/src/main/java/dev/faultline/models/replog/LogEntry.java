package dev.faultline.models.replog;

/**
 * One record of a replica's log. The producer fields let any replica rebuild the duplicate table
 * and the transaction index from its log, so a new leader recognises a batch its predecessor
 * appended and knows which transactions are open.
 *
 * @param offset the record's position
 * @param leaderEpoch the epoch of the leader that appended it
 * @param value the record value (for a transaction marker, the coordinator epoch that wrote it)
 * @param producerId the idempotent producer's id, or -1
 * @param producerEpoch that producer's epoch
 * @param baseSequence the first sequence number of the batch the record came in
 * @param lastSequence the last sequence number of that batch
 * @param batchLastOffset the offset of the last record of that batch: fetches and truncations keep
 *     batches whole, as Kafka's on-disk batches are
 * @param kind a plain record, a transactional one, a commit or abort marker (Kafka's control
 *     records), or a transaction or group coordinator's state record
 * @param stateRecord the coordinator's record, for {@link Kind#TXN_STATE} and {@link
 *     Kind#GROUP_STATE} entries only; null otherwise
 */
public record LogEntry(
    long offset,
    int leaderEpoch,
    long value,
    long producerId,
    int producerEpoch,
    int baseSequence,
    int lastSequence,
    long batchLastOffset,
    Kind kind,
    StateRecord stateRecord) {

  /** What a log entry is. */
  public enum Kind {
    /** A record of a plain or idempotent producer. */
    DATA,
    /** A record written inside a transaction. */
    TXN_DATA,
    /** A control record: the producer's open transaction on this partition committed. */
    COMMIT,
    /** A control record: the producer's open transaction on this partition aborted. */
    ABORT,
    /** A transaction coordinator's state, on an internal partition. */
    TXN_STATE,
    /**
     * A group coordinator's record (group metadata or an offset commit), on an offsets partition.
     */
    GROUP_STATE;

    /** Whether this is a commit or abort marker. */
    public boolean isMarker() {
      return this == COMMIT || this == ABORT;
    }
  }

  /** A plain or idempotent producer's record. */
  public LogEntry(
      long offset,
      int leaderEpoch,
      long value,
      long producerId,
      int producerEpoch,
      int baseSequence,
      int lastSequence,
      long batchLastOffset) {
    this(
        offset,
        leaderEpoch,
        value,
        producerId,
        producerEpoch,
        baseSequence,
        lastSequence,
        batchLastOffset,
        Kind.DATA,
        null);
  }

  /** [offset value], the shape the delivery checker reads. */
  public java.util.List<Long> asPair() {
    return java.util.List.of(offset, value);
  }

  /** This entry, at another offset and leader epoch (a leader appending what it was handed). */
  LogEntry at(long newOffset, int newLeaderEpoch, long newBatchLastOffset) {
    return new LogEntry(
        newOffset,
        newLeaderEpoch,
        value,
        producerId,
        producerEpoch,
        baseSequence,
        lastSequence,
        newBatchLastOffset,
        kind,
        stateRecord);
  }
}
