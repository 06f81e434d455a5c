package dev.faultline.models.kraft;

import dev.faultline.models.replog.PartitionState;
import dev.faultline.sim.Message;
import java.util.List;

/**
 * The RPCs between brokers and the active controller (KIP-631, KIP-497), reduced to what the model
 * needs. A controller that is not active answers {@link Error#NOT_CONTROLLER} with the leader it
 * knows, and the broker asks that one.
 */
public sealed interface KraftMessage extends Message {
  /** The errors the controller answers with, named as Kafka names them. */
  enum Error {
    NONE,
    NOT_CONTROLLER,
    /** Another incarnation of this broker id still has a live session. */
    DUPLICATE_BROKER_REGISTRATION,
    /** The request named a broker epoch that is not the broker's registered one. */
    STALE_BROKER_EPOCH,
    /** AlterPartition from a leader of an older leader epoch. */
    FENCED_LEADER_EPOCH,
    /** AlterPartition based on an older partition epoch. */
    INVALID_UPDATE_VERSION,
    /** AlterPartition with a replica that is fenced, shutting down or of another broker epoch. */
    INELIGIBLE_REPLICA,
    /** AlterPartition from a broker that does not lead the partition, or a malformed ISR. */
    INVALID_REQUEST
  }

  /** A broker registers on start-up with a new incarnation id. */
  record BrokerRegistration(int broker, long incarnation) implements KraftMessage {}

  /** The broker epoch granted, or an error. */
  record BrokerRegistrationResponse(Error error, long brokerEpoch, int leaderHint)
      implements KraftMessage {}

  /**
   * A broker's heartbeat: its epoch, how far it has replayed the metadata log, and whether it wants
   * to shut down (a controlled shutdown).
   */
  record BrokerHeartbeat(int broker, long brokerEpoch, long metadataOffset, boolean wantShutDown)
      implements KraftMessage {}

  /** Whether the broker is fenced now, and whether it may finish shutting down. */
  record BrokerHeartbeatResponse(
      Error error, boolean fenced, boolean shouldShutDown, int leaderHint)
      implements KraftMessage {}

  /**
   * A partition leader asks for a new ISR (KIP-497), naming the leader and partition epochs it
   * holds and, for each proposed member, the broker epoch it knows (KIP-903).
   */
  record AlterPartition(
      int broker,
      long brokerEpoch,
      int partition,
      int leaderEpoch,
      int partitionEpoch,
      List<Integer> isr,
      List<Long> isrBrokerEpochs)
      implements KraftMessage {
    public AlterPartition {
      isr = List.copyOf(isr);
      isrBrokerEpochs = List.copyOf(isrBrokerEpochs);
    }
  }

  /** The partition's state once the change is committed, or an error (state then null). */
  record AlterPartitionResponse(int partition, Error error, PartitionState state, int leaderHint)
      implements KraftMessage {}
}
