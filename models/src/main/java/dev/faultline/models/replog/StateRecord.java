package dev.faultline.models.replog;

/**
 * What a coordinator writes to its internal partition: a transaction's metadata (Kafka's {@code
 * __transaction_state}), or a group's metadata or an offset commit (Kafka's {@code
 * __consumer_offsets}). The log is the coordinator's state: a new leader rebuilds it from these.
 */
public sealed interface StateRecord permits TxnMetadata, GroupMetadataValue, OffsetCommitValue {
  /** The kind of log entry that carries this record. */
  default LogEntry.Kind kind() {
    return this instanceof TxnMetadata ? LogEntry.Kind.TXN_STATE : LogEntry.Kind.GROUP_STATE;
  }
}
