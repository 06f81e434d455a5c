package dev.faultline.models.producer;

/**
 * A transactional producer's settings, named after Kafka's, plus its workload: transactions of
 * {@code recordsPerTxn} records, one every send interval, keyed so that a transaction spreads over
 * partitions.
 *
 * @param transactionalId {@code transactional.id}: instances with the same id fence each other
 * @param transactionTimeoutMicros {@code transaction.timeout.ms}: the coordinator aborts a
 *     transaction open longer
 * @param recordsPerTxn records per transaction
 * @param keys distinct record keys ({@code key-0} ...), placed by Kafka's default partitioner
 * @param partitions the data partitions
 * @param sendIntervalMicros one record every this long
 * @param requestTimeoutMicros {@code request.timeout.ms}: an unanswered request is sent again
 * @param deliveryTimeoutMicros {@code delivery.timeout.ms}: a record not acknowledged this long
 *     after it was sent is given up, and its transaction aborted
 * @param retryBackoffMicros {@code retry.backoff.ms}
 * @param batchRecords most records per produce request
 * @param startMicros the instance starts working at this time (a replacement starts late)
 * @param stopMicros no transaction begins at or after this time
 * @param controller the node id to ask for metadata (the first of the bootstrap servers)
 * @param coordinatorPartition the internal partition whose leader coordinates the id
 * @param bootstrapServers how many nodes, from {@code controller} on, it asks for metadata in turn
 */
public record TxnProducerConfig(
    String transactionalId,
    long transactionTimeoutMicros,
    int recordsPerTxn,
    int keys,
    int partitions,
    long sendIntervalMicros,
    long requestTimeoutMicros,
    long deliveryTimeoutMicros,
    long retryBackoffMicros,
    int batchRecords,
    long startMicros,
    long stopMicros,
    int controller,
    int coordinatorPartition,
    int bootstrapServers) {
  public TxnProducerConfig {
    if (bootstrapServers < 1) {
      throw new IllegalArgumentException("a transactional producer needs a bootstrap server");
    }
    if (recordsPerTxn < 1 || keys < 1 || partitions < 1 || batchRecords < 1) {
      throw new IllegalArgumentException("transactional producer counts must be positive");
    }
    if (transactionTimeoutMicros <= 0
        || sendIntervalMicros <= 0
        || requestTimeoutMicros <= 0
        || deliveryTimeoutMicros <= 0
        || retryBackoffMicros < 0) {
      throw new IllegalArgumentException("transactional producer timings must be positive");
    }
  }

  /** A producer that asks {@code controller} alone for metadata (one bootstrap server). */
  public TxnProducerConfig(
      String transactionalId,
      long transactionTimeoutMicros,
      int recordsPerTxn,
      int keys,
      int partitions,
      long sendIntervalMicros,
      long requestTimeoutMicros,
      long deliveryTimeoutMicros,
      long retryBackoffMicros,
      int batchRecords,
      long startMicros,
      long stopMicros,
      int controller,
      int coordinatorPartition) {
    this(
        transactionalId,
        transactionTimeoutMicros,
        recordsPerTxn,
        keys,
        partitions,
        sendIntervalMicros,
        requestTimeoutMicros,
        deliveryTimeoutMicros,
        retryBackoffMicros,
        batchRecords,
        startMicros,
        stopMicros,
        controller,
        coordinatorPartition,
        1);
  }

  /** The same producer, starting at {@code micros}: a replacement instance. */
  public TxnProducerConfig startingAt(long micros) {
    return new TxnProducerConfig(
        transactionalId,
        transactionTimeoutMicros,
        recordsPerTxn,
        keys,
        partitions,
        sendIntervalMicros,
        requestTimeoutMicros,
        deliveryTimeoutMicros,
        retryBackoffMicros,
        batchRecords,
        micros,
        stopMicros,
        controller,
        coordinatorPartition,
        bootstrapServers);
  }
}
