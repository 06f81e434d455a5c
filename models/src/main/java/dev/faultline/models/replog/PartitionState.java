package dev.faultline.models.replog;

import java.util.List;

/**
 * The controller's record of one partition: who leads, in which leader epoch, and the ISR. The
 * partition epoch grows with every change, so a broker keeps only the newest state it hears of.
 *
 * @param partition the partition
 * @param leader the leading broker, or -1 when the partition is offline
 * @param leaderEpoch bumped by every election
 * @param isr the in-sync replicas, in replica order
 * @param partitionEpoch bumped by every change (election or ISR change)
 */
public record PartitionState(
    int partition, int leader, int leaderEpoch, List<Integer> isr, int partitionEpoch) {
  public PartitionState {
    isr = List.copyOf(isr);
  }

  /** Whether this state is newer than {@code other} (null counts as oldest). */
  public boolean newerThan(PartitionState other) {
    return other == null
        || leaderEpoch > other.leaderEpoch
        || (leaderEpoch == other.leaderEpoch && partitionEpoch > other.partitionEpoch);
  }
}
