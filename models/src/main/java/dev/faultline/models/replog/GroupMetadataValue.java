package dev.faultline.models.replog;

import java.util.List;

/**
 * A group's metadata as its coordinator writes it to the offsets partition once a rebalance
 * completes (Kafka's {@code GroupMetadataValue} in {@code __consumer_offsets}, written by {@code
 * GroupMetadataManager.storeGroup} when the leader's SyncGroup arrives). A coordinator that loads
 * the partition rebuilds the group, Stable, from the last one.
 *
 * @param groupId the group
 * @param generation the generation the assignment belongs to
 * @param protocol the assignment strategy chosen ({@code range}, {@code cooperative-sticky})
 * @param leader the member that computed the assignment
 * @param members the members with their assignments, in member id order
 */
public record GroupMetadataValue(
    String groupId, int generation, String protocol, String leader, List<Member> members)
    implements StateRecord {
  public GroupMetadataValue {
    members = List.copyOf(members);
  }

  /**
   * One member as the group stores it.
   *
   * @param memberId the id the coordinator gave it
   * @param instanceId its {@code group.instance.id} (static membership), or null
   * @param clientId the client that joined (a consumer's node name)
   * @param sessionTimeoutMicros {@code session.timeout.ms}
   * @param rebalanceTimeoutMicros {@code max.poll.interval.ms}, Kafka's rebalance timeout
   * @param assignment its partitions, ascending
   */
  public record Member(
      String memberId,
      String instanceId,
      String clientId,
      long sessionTimeoutMicros,
      long rebalanceTimeoutMicros,
      List<Integer> assignment) {
    public Member {
      assignment = List.copyOf(assignment);
    }
  }
}
