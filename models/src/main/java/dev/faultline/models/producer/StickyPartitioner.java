package dev.faultline.models.producer;

import dev.faultline.models.replog.PartitionState;
import dev.faultline.sim.RandomStream;

/**
 * Where a record without a key goes: Kafka's uniform sticky partitioner (KIP-480, and KIP-794's
 * path without load statistics). The producer sticks to one partition until it has given it a
 * batch's worth of records, then moves to a partition drawn at random among those with a known
 * leader (among all, when none has one). Sticking fills batches; moving on spreads the load.
 */
final class StickyPartitioner {
  private final int partitions;
  private final int recordsPerSwitch;
  private int current = -1;
  private int produced;

  /** Switches after {@code recordsPerSwitch} records (Kafka: after {@code batch.size} bytes). */
  StickyPartitioner(int partitions, int recordsPerSwitch) {
    this.partitions = partitions;
    this.recordsPerSwitch = recordsPerSwitch;
  }

  /** The partition for the next keyless record; {@code metadata} may hold nulls. */
  int next(PartitionState[] metadata, RandomStream random) {
    if (current < 0 || produced >= recordsPerSwitch) {
      current = draw(metadata, random);
      produced = 0;
    }
    produced++;
    return current;
  }

  private int draw(PartitionState[] metadata, RandomStream random) {
    int available = 0;
    for (PartitionState s : metadata) {
      available += s != null && s.leader() >= 0 ? 1 : 0;
    }
    if (available == 0) {
      return random.nextInt(partitions);
    }
    int pick = random.nextInt(available);
    for (int p = 0; p < metadata.length; p++) {
      if (metadata[p] != null && metadata[p].leader() >= 0 && pick-- == 0) {
        return p;
      }
    }
    throw new IllegalStateException("unreachable: counted " + available + " available partitions");
  }
}
