package dev.faultline.models.replog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One consumer group as its coordinator holds it in memory (Kafka's {@code GroupMetadata}): its
 * state, generation, leader and members. States and transitions follow Kafka's classic protocol:
 *
 * <pre>
 *   Empty --join--> PreparingRebalance --all rejoined, or rebalance timeout--> CompletingRebalance
 *   CompletingRebalance --leader's SyncGroup stored--> Stable
 *   Stable, CompletingRebalance --join of a new or changed member, leave, session expiry--> PreparingRebalance
 *   PreparingRebalance --no member left--> Empty (the generation still moves on)
 * </pre>
 */
final class Group {
  enum State {
    EMPTY,
    PREPARING_REBALANCE,
    COMPLETING_REBALANCE,
    STABLE
  }

  /** Where to send an answer that waits (a JoinGroup or SyncGroup held until the group moves). */
  record Waiting(int node, long requestId) {}

  static final class Member {
    String id;
    final String instanceId;
    final String clientId;
    long sessionTimeoutMicros;
    long rebalanceTimeoutMicros;
    String protocol;
    List<Integer> owned = List.of();
    List<Integer> assignment = List.of();
    long lastHeartbeatMicros;
    Waiting join;
    Waiting sync;

    Member(String id, String instanceId, String clientId) {
      this.id = id;
      this.instanceId = instanceId;
      this.clientId = clientId;
    }

    GroupMetadataValue.Member stored() {
      return new GroupMetadataValue.Member(
          id, instanceId, clientId, sessionTimeoutMicros, rebalanceTimeoutMicros, assignment);
    }
  }

  final String id;
  State state = State.EMPTY;
  int generation;
  String protocol;
  String leader;
  final Map<String, Member> members = new TreeMap<>();
  long joinDeadlineMicros;
  boolean initialDelay;
  boolean storing;

  Group(String id) {
    this.id = id;
  }

  /** The group as a coordinator loads it from its last stored metadata: Stable, sessions anew. */
  static Group loaded(GroupMetadataValue v, long nowMicros) {
    Group g = new Group(v.groupId());
    g.generation = v.generation();
    g.protocol = v.protocol();
    g.leader = v.leader();
    for (GroupMetadataValue.Member m : v.members()) {
      Member member = new Member(m.memberId(), m.instanceId(), m.clientId());
      member.sessionTimeoutMicros = m.sessionTimeoutMicros();
      member.rebalanceTimeoutMicros = m.rebalanceTimeoutMicros();
      member.assignment = m.assignment();
      member.owned = m.assignment();
      member.protocol = v.protocol();
      member.lastHeartbeatMicros = nowMicros;
      g.members.put(member.id, member);
    }
    g.state = g.members.isEmpty() ? State.EMPTY : State.STABLE;
    return g;
  }

  Member byInstance(String instanceId) {
    if (instanceId == null) {
      return null;
    }
    for (Member m : members.values()) {
      if (instanceId.equals(m.instanceId)) {
        return m;
      }
    }
    return null;
  }

  boolean allRejoined() {
    return members.values().stream().allMatch(m -> m.join != null);
  }

  long maxRebalanceTimeoutMicros() {
    long max = 0;
    for (Member m : members.values()) {
      max = Math.max(max, m.rebalanceTimeoutMicros);
    }
    return max;
  }

  GroupMetadataValue stored() {
    List<GroupMetadataValue.Member> out = new ArrayList<>();
    members.values().forEach(m -> out.add(m.stored()));
    return new GroupMetadataValue(id, generation, protocol, leader, out);
  }
}
