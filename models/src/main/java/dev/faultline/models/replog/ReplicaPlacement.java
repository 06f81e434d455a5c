package dev.faultline.models.replog;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a partition's replicas live when they are laid out round the brokers: replica position i of
 * partition p is broker (p + i) mod brokers. Sets of replicas (an ISR, eligible leaders) are bit
 * masks over positions, so that a million partitions need an int each, not a list.
 */
public record ReplicaPlacement(int brokers, int replicationFactor) {

  /** The broker at replica position {@code pos} of partition {@code p}. */
  public int replica(int p, int pos) {
    return (p + pos) % brokers;
  }

  /** The replica position of {@code broker} in partition {@code p}, or -1 if it holds none. */
  public int position(int p, int broker) {
    int pos = Math.floorMod(broker - p, brokers);
    return pos < replicationFactor ? pos : -1;
  }

  /** Whether {@code broker} is in the replica set {@code mask} of partition {@code p}. */
  public boolean inMask(int p, int mask, int broker) {
    int pos = position(p, broker);
    return pos >= 0 && (mask & (1 << pos)) != 0;
  }

  /** The brokers of the replica set {@code mask} of partition {@code p}, in replica order. */
  public List<Integer> members(int p, int mask) {
    List<Integer> out = new ArrayList<>(Integer.bitCount(mask));
    for (int pos = 0; pos < replicationFactor; pos++) {
      if ((mask & (1 << pos)) != 0) {
        out.add(replica(p, pos));
      }
    }
    return out;
  }
}
