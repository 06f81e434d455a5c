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
 */
public record TxnConfig(
    int statePartitions, int transactionVersion, long abortCheckMicros, long markerRetryMicros) {
  public TxnConfig {
    if (statePartitions < 0 || abortCheckMicros <= 0 || markerRetryMicros <= 0) {
      throw new IllegalArgumentException("transaction settings must be positive");
    }
    if (transactionVersion != 0 && transactionVersion != 2) {
      throw new IllegalArgumentException(
          "transaction.version must be 0 or 2, not " + transactionVersion);
    }
  }

  /** No transactions: no internal partitions. */
  public static TxnConfig none() {
    return new TxnConfig(0, 2, 100_000, 50_000);
  }

  /** Whether EndTxn bumps the epoch and leaders verify partitions with the coordinator. */
  public boolean serverSideDefense() {
    return transactionVersion >= 2;
  }
}
