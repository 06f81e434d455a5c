package dev.faultline.models.replog;

import java.util.List;

/** Every message of the replicated-log protocol: brokers, controller, producers, consumers. */
public sealed interface ReplogMessage extends dev.faultline.sim.Message {

  /**
   * Broker to controller, every heartbeat interval; {@code registering} on the first after start.
   */
  record BrokerHeartbeat(boolean registering) implements ReplogMessage {}

  /** Controller to brokers and clients: the newest state of some partitions. */
  record PartitionStates(List<PartitionState> states) implements ReplogMessage {
    public PartitionStates {
      states = List.copyOf(states);
    }
  }

  /** A leader asks the controller to change the ISR of a partition it leads. */
  record AlterIsr(int partition, int leaderEpoch, int partitionEpoch, List<Integer> isr)
      implements ReplogMessage {
    public AlterIsr {
      isr = List.copyOf(isr);
    }
  }

  /**
   * A follower fetches from {@code fetchOffset} (its log end); {@code lastFetchedEpoch} is the
   * epoch of its last record, so the leader can tell it where their logs diverge.
   */
  record Fetch(
      int partition, long fetchId, int currentLeaderEpoch, long fetchOffset, int lastFetchedEpoch)
      implements ReplogMessage {}

  /**
   * The leader's answer: records from the fetch offset, its high watermark, and, when the logs
   * diverge, the epoch and end offset the follower must truncate to ({@code divergingEpoch} -2 when
   * they do not). With OFFSET_OUT_OF_RANGE, {@code divergingEndOffset} is the leader's log end.
   */
  record FetchResponse(
      int partition,
      long fetchId,
      int leaderEpoch,
      ErrorCode error,
      List<LogEntry> records,
      long highWatermark,
      int divergingEpoch,
      long divergingEndOffset)
      implements ReplogMessage {
    public FetchResponse {
      records = List.copyOf(records);
    }
  }

  /** acks is 0, 1 or -1 (all). */
  record Produce(int partition, long requestId, int acks, ProducerBatch batch)
      implements ReplogMessage {}

  /** The offset of the batch's first record, or -1 with an error. */
  record ProduceResponse(int partition, long requestId, ErrorCode error, long baseOffset)
      implements ReplogMessage {}

  /**
   * A consumer reads from {@code offset}: below the high watermark ({@code read_uncommitted}), or
   * below the last stable offset ({@code read_committed}).
   */
  record ConsumerFetch(
      int partition, long requestId, long offset, int maxRecords, boolean readCommitted)
      implements ReplogMessage {}

  /**
   * The records (markers included: the consumer skips them), the high watermark and the last stable
   * offset, and for read_committed the aborted transactions the records overlap, so the consumer
   * can drop their records (Kafka's FetchResponse). Or an error.
   */
  record ConsumerFetchResponse(
      int partition,
      long requestId,
      ErrorCode error,
      List<LogEntry> records,
      long highWatermark,
      long lastStableOffset,
      List<AbortedTxn> abortedTransactions)
      implements ReplogMessage {
    public ConsumerFetchResponse {
      records = List.copyOf(records);
      abortedTransactions = List.copyOf(abortedTransactions);
    }
  }

  /**
   * A consumer asks the leader for the end of a partition: the last stable offset (read_committed)
   * or the high watermark (Kafka's ListOffsets for the latest offset).
   */
  record ListOffsets(int partition, long requestId, boolean readCommitted)
      implements ReplogMessage {}

  /** The offset, or OFFSET_NOT_AVAILABLE while a new leader has not caught up (KIP-207). */
  record ListOffsetsResponse(int partition, long requestId, ErrorCode error, long offset)
      implements ReplogMessage {}

  /** A client asks the controller who leads what. */
  record MetadataRequest() implements ReplogMessage {}

  /** An idempotent producer asks the controller for a producer id. */
  record InitProducerId() implements ReplogMessage {}

  /** The producer id granted; every producer instance gets a new one. */
  record ProducerIdAssigned(long producerId) implements ReplogMessage {}

  /** A transactional producer asks its coordinator for its id and a new epoch. */
  record InitTxnProducerId(long requestId, String transactionalId, long timeoutMicros)
      implements ReplogMessage {}

  /** The producer id and epoch, or an error. */
  record InitTxnProducerIdResponse(
      long requestId, ErrorCode error, long producerId, int producerEpoch)
      implements ReplogMessage {}

  /**
   * A producer adds partitions to its transaction before writing to them; a leader, with {@code
   * verifyOnly}, asks whether a partition is in the producer's transaction (KIP-890).
   */
  record AddPartitionsToTxn(
      long requestId,
      String transactionalId,
      long producerId,
      int producerEpoch,
      List<Integer> partitions,
      boolean verifyOnly)
      implements ReplogMessage {
    public AddPartitionsToTxn {
      partitions = List.copyOf(partitions);
    }
  }

  /** NONE once the partitions are in the transaction (or, verifying, if they are). */
  record AddPartitionsToTxnResponse(long requestId, ErrorCode error) implements ReplogMessage {}

  /** A producer commits or aborts its transaction. */
  record EndTxn(
      long requestId, String transactionalId, long producerId, int producerEpoch, boolean commit)
      implements ReplogMessage {}

  /** NONE once the outcome is in the transaction log; with transaction version 2, the new epoch. */
  record EndTxnResponse(long requestId, ErrorCode error, long producerId, int producerEpoch)
      implements ReplogMessage {}

  /** A coordinator asks a partition's leader to write a commit or abort marker. */
  record WriteTxnMarker(
      int partition,
      long requestId,
      long producerId,
      int producerEpoch,
      boolean commit,
      int coordinatorEpoch)
      implements ReplogMessage {}

  /** NONE once the marker is committed in the partition. */
  record WriteTxnMarkerResponse(int partition, long requestId, ErrorCode error)
      implements ReplogMessage {}
}
