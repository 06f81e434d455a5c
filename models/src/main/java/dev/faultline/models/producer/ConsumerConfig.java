package dev.faultline.models.producer;

/**
 * A simple consumer's settings (no groups yet).
 *
 * @param partitions it reads partitions 0..partitions-1 in turn
 * @param pollIntervalMicros pause between polls while following the log
 * @param maxRecords most records one poll returns
 * @param requestTimeoutMicros a poll unanswered this long is given up as {@code fail}
 * @param finalReadMicros from this time on it rereads every partition from offset 0 to its end
 * @param controller the node id to ask for metadata (the first of the bootstrap servers)
 * @param readCommitted {@code isolation.level=read_committed}: read below the last stable offset
 *     and drop aborted transactions' records; otherwise read below the high watermark
 * @param lsoEvery every this many polls, ask the leader for the partition's end instead (a
 *     ListOffsets, logged as {@code lso}); 0: never
 * @param bootstrapServers how many nodes, from {@code controller} on, it asks in turn: the single
 *     controller node (1), or every broker of a KRaft or ZooKeeper-mode cluster
 */
public record ConsumerConfig(
    int partitions,
    long pollIntervalMicros,
    int maxRecords,
    long requestTimeoutMicros,
    long finalReadMicros,
    int controller,
    boolean readCommitted,
    int lsoEvery,
    int bootstrapServers) {
  public ConsumerConfig {
    if (partitions < 1
        || pollIntervalMicros <= 0
        || maxRecords < 1
        || requestTimeoutMicros <= 0
        || lsoEvery < 0
        || bootstrapServers < 1) {
      throw new IllegalArgumentException("consumer settings must be positive");
    }
  }

  /** Settings that ask one node, the controller, for metadata. */
  public ConsumerConfig(
      int partitions,
      long pollIntervalMicros,
      int maxRecords,
      long requestTimeoutMicros,
      long finalReadMicros,
      int controller,
      boolean readCommitted,
      int lsoEvery) {
    this(
        partitions,
        pollIntervalMicros,
        maxRecords,
        requestTimeoutMicros,
        finalReadMicros,
        controller,
        readCommitted,
        lsoEvery,
        1);
  }
}
