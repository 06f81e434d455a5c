package dev.faultline.models.replog;

/** The answers a broker gives, named as Kafka names them. */
public enum ErrorCode {
  NONE,
  /** The broker does not lead this partition (or not in the epoch the request named). */
  NOT_LEADER_OR_FOLLOWER,
  /** The request named an older leader epoch than the broker's. */
  FENCED_LEADER_EPOCH,
  /** The request named a newer leader epoch than the broker knows: the broker is stale. */
  UNKNOWN_LEADER_EPOCH,
  /** acks=all, and the ISR was below min.insync.replicas before the append: nothing written. */
  NOT_ENOUGH_REPLICAS,
  /** acks=all, appended, then the ISR shrank below min.insync.replicas: outcome unknown. */
  NOT_ENOUGH_REPLICAS_AFTER_APPEND,
  /** An idempotent batch whose sequence does not follow the last one: a gap. */
  OUT_OF_ORDER_SEQUENCE_NUMBER,
  /** An idempotent batch from an epoch older than the producer's latest. */
  INVALID_PRODUCER_EPOCH,
  /** A fetch beyond the end of the log. */
  OFFSET_OUT_OF_RANGE,
  /** A new leader does not yet know an offset it would have to give (KIP-207). */
  OFFSET_NOT_AVAILABLE,
  /** A newer instance with the same transactional id holds a newer epoch. */
  PRODUCER_FENCED,
  /** The request does not fit the transaction's state (e.g. commit after abort). */
  INVALID_TXN_STATE,
  /** The transactional id is held by another producer id. */
  INVALID_PRODUCER_ID_MAPPING,
  /** The coordinator is busy with this transactional id: retry. */
  CONCURRENT_TRANSACTIONS,
  /** This broker is not the coordinator of the transactional id (or has not loaded it). */
  NOT_COORDINATOR,
  /** The coordinator could not write its log: retry. */
  COORDINATOR_NOT_AVAILABLE,
  /** A marker from a coordinator older than one the partition has heard from. */
  TRANSACTION_COORDINATOR_FENCED,
  /** A group request named a generation other than the group's: the member is stale. */
  ILLEGAL_GENERATION,
  /** The group does not know this member id (it left, or its session expired). */
  UNKNOWN_MEMBER_ID,
  /** The group is rebalancing: the member must rejoin. */
  REBALANCE_IN_PROGRESS,
  /** Another member now holds this static member's group.instance.id. */
  FENCED_INSTANCE_ID,
  /** Offsets of an open transaction are pending for a partition asked for (KIP-447). */
  UNSTABLE_OFFSET_COMMIT;

  /** Whether a producer may retry a batch that got this answer. */
  public boolean retriable() {
    return switch (this) {
      case NOT_LEADER_OR_FOLLOWER,
              FENCED_LEADER_EPOCH,
              UNKNOWN_LEADER_EPOCH,
              NOT_ENOUGH_REPLICAS,
              NOT_ENOUGH_REPLICAS_AFTER_APPEND ->
          true;
      default -> false;
    };
  }
}
