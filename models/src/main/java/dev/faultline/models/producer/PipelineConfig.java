package dev.faultline.models.producer;

/**
 * A consume-transform-produce member of a consumer group: Kafka's consumer settings under their
 * names, the commit discipline, and where its output goes.
 *
 * @param groupId {@code group.id}
 * @param instanceId {@code group.instance.id} (static membership), or null
 * @param commit when offsets are committed
 * @param strategy {@code partition.assignment.strategy}: {@code range} or {@code
 *     cooperative-sticky}
 * @param sessionTimeoutMicros {@code session.timeout.ms}
 * @param heartbeatIntervalMicros {@code heartbeat.interval.ms}
 * @param maxPollIntervalMicros {@code max.poll.interval.ms}, also the rebalance timeout it sends
 * @param autoCommitIntervalMicros {@code auto.commit.interval.ms} ({@code commit=auto})
 * @param maxPollRecords {@code max.poll.records}
 * @param processingMicros the time the application spends on one record
 * @param pollIntervalMicros the pause after a poll that returned nothing
 * @param sourcePartitions the source topic's partitions, 0..sourcePartitions-1
 * @param sink the sink node, or -1: no sink
 * @param groupPartition the offsets partition that holds the group (its leader coordinates it)
 * @param output the producer of the output topic (partition {@code sourcePartitions + p} for input
 *     partition p); its transactional id is null unless {@code commit=transactional}
 * @param bootstrapServers how many nodes, from {@code output.controller()} on, answer metadata
 */
public record PipelineConfig(
    String groupId,
    String instanceId,
    Commit commit,
    String strategy,
    long sessionTimeoutMicros,
    long heartbeatIntervalMicros,
    long maxPollIntervalMicros,
    long autoCommitIntervalMicros,
    int maxPollRecords,
    long processingMicros,
    long pollIntervalMicros,
    int sourcePartitions,
    int sink,
    int groupPartition,
    TxnProducerConfig output,
    int bootstrapServers) {

  /** When a consumer commits its offsets. */
  public enum Commit {
    /** commitSync of the position after the records, before processing them: at most once. */
    BEFORE_PROCESSING("before-processing"),
    /** Process (outputs flushed, sink written), then commitSync: at least once. */
    AFTER_PROCESSING("after-processing"),
    /** {@code enable.auto.commit}: each poll commits what earlier polls returned, when due. */
    AUTO("auto"),
    /** Outputs and offsets in one transaction (sendOffsetsToTransaction), read_committed. */
    TRANSACTIONAL("transactional");

    private final String label;

    Commit(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The mode named {@code label}. */
    public static Commit of(String label) {
      for (Commit c : values()) {
        if (c.label.equals(label)) {
          return c;
        }
      }
      throw new IllegalArgumentException("no commit mode " + label);
    }
  }

  public PipelineConfig {
    if (sessionTimeoutMicros <= 0
        || heartbeatIntervalMicros <= 0
        || maxPollIntervalMicros <= 0
        || autoCommitIntervalMicros <= 0
        || maxPollRecords < 1
        || processingMicros <= 0
        || pollIntervalMicros <= 0
        || sourcePartitions < 1
        || bootstrapServers < 1) {
      throw new IllegalArgumentException("consumer settings must be positive");
    }
    if ((commit == Commit.TRANSACTIONAL) != (output.transactionalId() != null)) {
      throw new IllegalArgumentException("only commit=transactional uses a transactional id");
    }
  }

  /** The output partition of input partition {@code p}. */
  public int outputPartition(int p) {
    return sourcePartitions + p;
  }
}
