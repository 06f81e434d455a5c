package dev.faultline.models.producer;

/**
 * A producer's settings, named after Kafka's, plus its workload.
 *
 * @param acks 0, 1 or -1 (all)
 * @param idempotence whether {@code enable.idempotence} is in effect (Kafka turns it off when acks
 *     is not all, retries is 0 or more than 5 requests may be in flight, unless asked explicitly)
 * @param retries how many times a batch may be resent
 * @param maxInFlight {@code max.in.flight.requests.per.connection}
 * @param lingerMicros {@code linger.ms}: how long a batch waits for more records
 * @param batchSize most records per batch
 * @param deliveryTimeoutMicros {@code delivery.timeout.ms}: a record not acknowledged this long
 *     after it was sent by the application is given up
 * @param requestTimeoutMicros {@code request.timeout.ms}: an unanswered request is retried after
 *     this long
 * @param retryBackoffMicros {@code retry.backoff.ms}
 * @param sendIntervalMicros the workload: one record every this long
 * @param partitions the partitions it writes to
 * @param keys how many distinct record keys the workload draws from ({@code key-0} ...); a key's
 *     partition is Kafka's default partitioner's choice. 0: records have no key and go to the
 *     sticky partitioner
 * @param stopMicros the workload sends no record at or after this time
 * @param controller the node id to ask for metadata (the first of the bootstrap servers) and a
 *     producer id
 * @param bootstrapServers how many nodes, from {@code controller} on, it asks in turn: the single
 *     controller node (1), or every broker of a KRaft or ZooKeeper-mode cluster
 */
public record ProducerConfig(
    int acks,
    boolean idempotence,
    int retries,
    int maxInFlight,
    long lingerMicros,
    int batchSize,
    long deliveryTimeoutMicros,
    long requestTimeoutMicros,
    long retryBackoffMicros,
    long sendIntervalMicros,
    int partitions,
    int keys,
    long stopMicros,
    int controller,
    int bootstrapServers) {

  public ProducerConfig {
    if (acks != 0 && acks != 1 && acks != -1) {
      throw new IllegalArgumentException("acks must be 0, 1 or -1 (all), not " + acks);
    }
    if (idempotence && (acks != -1 || retries < 1 || maxInFlight > 5)) {
      throw new IllegalArgumentException(
          "idempotence needs acks=all, retries > 0 and at most 5 requests in flight");
    }
    if (retries < 0
        || maxInFlight < 1
        || batchSize < 1
        || partitions < 1
        || keys < 0
        || bootstrapServers < 1) {
      throw new IllegalArgumentException("producer counts must be positive");
    }
    if (lingerMicros < 0
        || deliveryTimeoutMicros <= 0
        || requestTimeoutMicros <= 0
        || retryBackoffMicros < 0
        || sendIntervalMicros <= 0) {
      throw new IllegalArgumentException("producer timings must be positive");
    }
  }

  /** Settings that ask one node, the controller, for metadata and producer ids. */
  public ProducerConfig(
      int acks,
      boolean idempotence,
      int retries,
      int maxInFlight,
      long lingerMicros,
      int batchSize,
      long deliveryTimeoutMicros,
      long requestTimeoutMicros,
      long retryBackoffMicros,
      long sendIntervalMicros,
      int partitions,
      int keys,
      long stopMicros,
      int controller) {
    this(
        acks,
        idempotence,
        retries,
        maxInFlight,
        lingerMicros,
        batchSize,
        deliveryTimeoutMicros,
        requestTimeoutMicros,
        retryBackoffMicros,
        sendIntervalMicros,
        partitions,
        keys,
        stopMicros,
        controller,
        1);
  }
}
