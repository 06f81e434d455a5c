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

  /** A consumer reads committed records from {@code offset}. */
  record ConsumerFetch(int partition, long requestId, long offset, int maxRecords)
      implements ReplogMessage {}

  /** Records [offset value] below the high watermark, or an error. */
  record ConsumerFetchResponse(
      int partition, long requestId, ErrorCode error, List<List<Long>> records)
      implements ReplogMessage {
    public ConsumerFetchResponse {
      records = List.copyOf(records);
    }
  }

  /** A client asks the controller who leads what. */
  record MetadataRequest() implements ReplogMessage {}

  /** An idempotent producer asks the controller for a producer id. */
  record InitProducerId() implements ReplogMessage {}

  /** The producer id granted; every producer instance gets a new one. */
  record ProducerIdAssigned(long producerId) implements ReplogMessage {}
}
