package dev.faultline.models.producer;

import dev.faultline.models.replog.ErrorCode;
import dev.faultline.models.replog.GroupMessage;
import dev.faultline.models.replog.GroupMessage.Assignment;
import java.util.ArrayList;
import java.util.List;

/**
 * A consumer's side of the classic group protocol (Kafka's {@code AbstractCoordinator} and {@code
 * ConsumerCoordinator}): its member id, generation and assignment, the requests it sends and what
 * their answers mean. The heartbeat thread's rules live here too: a heartbeat answered with
 * REBALANCE_IN_PROGRESS asks for a rejoin, ILLEGAL_GENERATION or UNKNOWN_MEMBER_ID resets the
 * generation (and the member id for the latter); a poll timeout ({@code max.poll.interval.ms})
 * makes a dynamic member leave the group, and a static one only forget its generation.
 */
final class GroupClient {
  private final PipelineConfig config;
  private final String clientId;
  String memberId = "";
  int generation = -1;
  List<Integer> assigned = List.of();
  boolean rejoinNeeded = true;
  boolean joined;

  GroupClient(PipelineConfig config, String clientId) {
    this.config = config;
    this.clientId = clientId;
  }

  boolean eager() {
    return config.strategy().equals("range");
  }

  GroupMessage.JoinGroup join(long requestId) {
    return new GroupMessage.JoinGroup(
        requestId,
        config.groupId(),
        memberId,
        config.instanceId(),
        clientId,
        config.sessionTimeoutMicros(),
        config.maxPollIntervalMicros(),
        config.strategy(),
        eager() ? List.of() : assigned);
  }

  /** The SyncGroup after a join: the leader assigns every member's partitions. */
  GroupMessage.SyncGroup sync(long requestId, GroupMessage.JoinGroupResponse r) {
    memberId = r.memberId();
    generation = r.generation();
    List<Assignment> assignments = List.of();
    if (r.leader().equals(memberId) && !r.members().isEmpty()) {
      List<Integer> partitions = new ArrayList<>();
      for (int p = 0; p < config.sourcePartitions(); p++) {
        partitions.add(p);
      }
      assignments =
          r.protocol().equals("range")
              ? Assignors.range(r.members(), partitions)
              : Assignors.cooperativeSticky(r.members(), partitions);
    }
    return new GroupMessage.SyncGroup(
        requestId, config.groupId(), generation, memberId, config.instanceId(), assignments);
  }

  /** Fencing errors forget the generation; UNKNOWN_MEMBER_ID also the member id. */
  void onError(ErrorCode e) {
    switch (e) {
      case UNKNOWN_MEMBER_ID -> {
        memberId = "";
        generation = -1;
        joined = false;
        rejoinNeeded = true;
      }
      case ILLEGAL_GENERATION -> {
        generation = -1;
        joined = false;
        rejoinNeeded = true;
      }
      case REBALANCE_IN_PROGRESS -> rejoinNeeded = true;
      default -> {}
    }
  }

  /** Whether this member is dynamic: a poll timeout sends LeaveGroup. */
  boolean dynamic() {
    return config.instanceId() == null;
  }

  /** After a poll timeout or a close: out of the group until the next join. */
  void left() {
    if (dynamic()) {
      memberId = "";
    }
    generation = -1;
    joined = false;
    rejoinNeeded = true;
  }

  GroupMessage.Heartbeat heartbeat(long requestId) {
    return new GroupMessage.Heartbeat(
        requestId, config.groupId(), generation, memberId, config.instanceId());
  }

  GroupMessage.OffsetCommit commit(
      long requestId, List<Integer> partitions, List<Long> offsets, long pid, int epoch) {
    return new GroupMessage.OffsetCommit(
        requestId,
        config.groupId(),
        generation,
        memberId,
        config.instanceId(),
        partitions,
        offsets,
        pid,
        epoch);
  }
}
