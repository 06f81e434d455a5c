package dev.faultline.models.replog;

import java.util.List;

/**
 * The classic consumer group protocol between a consumer and its group coordinator (Kafka's
 * JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit, TxnOffsetCommit and OffsetFetch
 * requests, as {@code AbstractCoordinator} and {@code ConsumerCoordinator} send them). Every answer
 * names the request it answers.
 */
public sealed interface GroupMessage extends dev.faultline.sim.Message {
  /** The group whose coordinator must answer (null for answers). */
  default String group() {
    return null;
  }

  /**
   * Join, or rejoin, the group. An empty member id asks for one; {@code owned} are the partitions
   * the member holds now (the cooperative protocol sends them; the eager one has revoked them all).
   */
  record JoinGroup(
      long requestId,
      String groupId,
      String memberId,
      String instanceId,
      String clientId,
      long sessionTimeoutMicros,
      long rebalanceTimeoutMicros,
      String protocol,
      List<Integer> owned)
      implements GroupMessage {
    public JoinGroup {
      owned = List.copyOf(owned);
    }

    @Override
    public String group() {
      return groupId;
    }
  }

  /** One member as the leader sees it in the JoinGroup answer: what it owns now. */
  record JoinedMember(String memberId, String instanceId, List<Integer> owned) {
    public JoinedMember {
      owned = List.copyOf(owned);
    }
  }

  /** The new generation; only the leader gets the members' list. */
  record JoinGroupResponse(
      long requestId,
      ErrorCode error,
      int generation,
      String memberId,
      String leader,
      String protocol,
      List<JoinedMember> members)
      implements GroupMessage {
    public JoinGroupResponse {
      members = List.copyOf(members);
    }
  }

  /** A member's partitions, as the leader assigns them. */
  record Assignment(String memberId, List<Integer> partitions) {
    public Assignment {
      partitions = List.copyOf(partitions);
    }
  }

  /** After JoinGroup: the leader sends every member's assignment, the others nothing. */
  record SyncGroup(
      long requestId,
      String groupId,
      int generation,
      String memberId,
      String instanceId,
      List<Assignment> assignments)
      implements GroupMessage {
    public SyncGroup {
      assignments = List.copyOf(assignments);
    }

    @Override
    public String group() {
      return groupId;
    }
  }

  record SyncGroupResponse(long requestId, ErrorCode error, List<Integer> assignment)
      implements GroupMessage {
    public SyncGroupResponse {
      assignment = List.copyOf(assignment);
    }
  }

  record Heartbeat(
      long requestId, String groupId, int generation, String memberId, String instanceId)
      implements GroupMessage {
    @Override
    public String group() {
      return groupId;
    }
  }

  record HeartbeatResponse(long requestId, ErrorCode error) implements GroupMessage {}

  /** A dynamic member leaves (close, or its poll timeout expired). */
  record LeaveGroup(long requestId, String groupId, String memberId) implements GroupMessage {
    @Override
    public String group() {
      return groupId;
    }
  }

  /**
   * Commit offsets (the next offset to read per partition), fenced by generation and member; with a
   * producer id it is a TxnOffsetCommit, pending until the transaction's marker.
   */
  record OffsetCommit(
      long requestId,
      String groupId,
      int generation,
      String memberId,
      String instanceId,
      List<Integer> partitions,
      List<Long> offsets,
      long producerId,
      int producerEpoch)
      implements GroupMessage {
    public OffsetCommit {
      partitions = List.copyOf(partitions);
      offsets = List.copyOf(offsets);
    }

    @Override
    public String group() {
      return groupId;
    }
  }

  record OffsetCommitResponse(long requestId, ErrorCode error) implements GroupMessage {}

  /** The committed offsets of {@code partitions}; require_stable as KIP-447's consumers ask. */
  record OffsetFetch(
      long requestId, String groupId, List<Integer> partitions, boolean requireStable)
      implements GroupMessage {
    public OffsetFetch {
      partitions = List.copyOf(partitions);
    }

    @Override
    public String group() {
      return groupId;
    }
  }

  /** One offset per partition asked, -1 where none is committed. */
  record OffsetFetchResponse(
      long requestId, ErrorCode error, List<Integer> partitions, List<Long> offsets)
      implements GroupMessage {
    public OffsetFetchResponse {
      partitions = List.copyOf(partitions);
      offsets = List.copyOf(offsets);
    }
  }
}
