package dev.faultline.models.replog;

/**
 * The transaction settings of the brokers.
 *
 * @param statePartitions how many internal partitions hold the coordinators' state ({@code
 *     transaction.state.log.num.partitions}); 0: no transactions. They follow the data partitions.
 * @param transactionVersion 0 (before KIP-890) or 2 (Kafka 4.0's default): with 2, every EndTxn
 *     bumps the producer epoch and a leader asks the coordinator before it appends the first
 *     transactional batch of a producer
 * @param abortCheckMicros how often a coordinator looks for transactions past their timeout ({@code
 *     transaction.abort.timed.out.transaction.cleanup.interval.ms})
 * @param markerRetryMicros how often a coordinator resends markers not yet acknowledged
 * @param offsetsPartitions how many internal partitions hold the group coordinators' state ({@code
 *     offsets.topic.num.partitions}, Kafka's {@code __consumer_offsets}); 0: no consumer groups.
 *     They follow the transaction state partitions.
 */
public record TxnConfig(
    int statePartitions,
    int transactionVersion,
    long abortCheckMicros,
    long markerRetryMicros,
    int offsetsPartitions) {
  public TxnConfig {
    if (statePartitions < 0
        || offsetsPartitions < 0
        || abortCheckMicros <= 0
        || markerRetryMicros <= 0) {
      throw new IllegalArgumentException("transaction settings must be positive");
    }
    if (transactionVersion != 0 && transactionVersion != 2) {
      throw new IllegalArgumentException(
          "transaction.version must be 0 or 2, not " + transactionVersion);
    }
  }

  /** Transaction settings without consumer groups. */
  public TxnConfig(
      int statePartitions, int transactionVersion, long abortCheckMicros, long markerRetryMicros) {
    this(statePartitions, transactionVersion, abortCheckMicros, markerRetryMicros, 0);
  }

  /** No transactions: no internal partitions. */
  public static TxnConfig none() {
    return new TxnConfig(0, 2, 100_000, 50_000, 0);
  }

  /** Every internal partition: transaction state and consumer offsets. */
  public int internalPartitions() {
    return statePartitions + offsetsPartitions;
  }

  /** Whether EndTxn bumps the epoch and leaders verify partitions with the coordinator. */
  public boolean serverSideDefense() {
    return transactionVersion >= 2;
  }
}
