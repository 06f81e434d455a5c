package dev.faultline.models.kraft;

import java.util.Arrays;

/**
 * Builds the partition changes of one controller event into a {@link
 * MetadataRecord.PartitionChanges} batch, electing leaders by the rules of Kafka's
 * PartitionChangeBuilder: keep the leader while it is acceptable and in the ISR; else the first
 * replica, in replica order, that is in the target ISR and acceptable (a clean election); with
 * KIP-966's eligible leader replicas on and the ISR empty, the first acceptable ELR member, whose
 * ISR becomes itself; with unclean election on, the first acceptable replica, whose ISR becomes
 * itself (what it lacks is lost); else no leader. An ISR never becomes empty without ELR: its last
 * member stays, so that it can lead cleanly when it returns.
 */
final class PartitionChange {
  /** The election settings. */
  record Rules(boolean unclean, boolean elr, int minIsr) {}

  private final MetadataImage image;
  private final Rules rules;
  private int size;
  private int[] partitions = new int[16];
  private int[] leaders = new int[16];
  private int[] isrs = new int[16];
  private int[] elrs = new int[16];

  PartitionChange(MetadataImage image, Rules rules) {
    this.image = image;
    this.rules = rules;
  }

  boolean isEmpty() {
    return size == 0;
  }

  MetadataRecord.PartitionChanges build() {
    return new MetadataRecord.PartitionChanges(
        Arrays.copyOf(partitions, size),
        Arrays.copyOf(leaders, size),
        Arrays.copyOf(isrs, size),
        Arrays.copyOf(elrs, size));
  }

  /**
   * Moves partition {@code p} to the ISR {@code targetIsr} (a replica-position mask) and elects a
   * leader. {@code removed} is never an acceptable leader (a broker being fenced or shutting down);
   * {@code added} is acceptable even while still fenced (a broker being unfenced); {@code
   * uncleanShutdown} leaves the ISR and the ELR (KIP-966); -1 for none.
   */
  void change(int p, int targetIsr, int removed, int added, int uncleanShutdown) {
    int oldLeader = image.leader(p);
    int oldIsr = image.isrMask(p);
    int oldElr = image.elrMask(p);
    int unsafe = uncleanShutdown < 0 ? 0 : bit(image.position(p, uncleanShutdown));
    targetIsr &= ~unsafe;
    int targetElr = 0;
    if (rules.elr() && Integer.bitCount(targetIsr) < rules.minIsr()) {
      targetElr = (oldElr | oldIsr) & ~targetIsr & ~unsafe;
    }
    int leader = -1;
    boolean unclean = false;
    int oldPos = oldLeader < 0 ? -1 : image.position(p, oldLeader);
    if (oldPos >= 0 && valid(p, oldPos, targetIsr, targetElr, removed, added, unsafe)) {
      leader = oldLeader;
    } else {
      for (int pos = 0; pos < image.replicationFactor() && leader < 0; pos++) {
        if (valid(p, pos, targetIsr, targetElr, removed, added, unsafe)) {
          leader = image.replica(p, pos);
        }
      }
      for (int pos = 0; rules.unclean() && pos < image.replicationFactor() && leader < 0; pos++) {
        if (acceptable(p, pos, removed, added, unsafe)) {
          leader = image.replica(p, pos);
          unclean = true;
        }
      }
    }
    int isrField = MetadataRecord.PartitionChanges.NO_CHANGE;
    if (leader != oldLeader && leader >= 0) {
      int pos = image.position(p, leader);
      if (unclean) {
        isrField = bit(pos); // the new leader's log is the partition now
        targetElr = 0;
      } else if ((targetIsr & bit(pos)) == 0) {
        targetIsr = bit(pos); // elected from the ELR
        targetElr &= ~bit(pos);
      }
    }
    if (!rules.elr()) {
      targetElr = 0;
    }
    if (isrField == MetadataRecord.PartitionChanges.NO_CHANGE
        && (targetIsr != 0 || rules.elr())
        && targetIsr != oldIsr) {
      isrField = targetIsr;
    }
    int leaderField = leader != oldLeader ? leader : MetadataRecord.PartitionChanges.NO_CHANGE;
    int elrField = targetElr != oldElr ? targetElr : MetadataRecord.PartitionChanges.NO_CHANGE;
    if (leaderField != MetadataRecord.PartitionChanges.NO_CHANGE
        || isrField != MetadataRecord.PartitionChanges.NO_CHANGE
        || elrField != MetadataRecord.PartitionChanges.NO_CHANGE) {
      add(p, leaderField, isrField, elrField);
    }
  }

  private static int bit(int pos) {
    return pos < 0 ? 0 : 1 << pos;
  }

  private boolean acceptable(int p, int pos, int removed, int added, int unsafe) {
    int r = image.replica(p, pos);
    return r != removed && (unsafe & bit(pos)) == 0 && (r == added || image.active(r));
  }

  private boolean valid(
      int p, int pos, int targetIsr, int targetElr, int removed, int added, int unsafe) {
    boolean eligible =
        (targetIsr & bit(pos)) != 0 || (targetIsr == 0 && (targetElr & bit(pos)) != 0);
    return eligible && acceptable(p, pos, removed, added, unsafe);
  }

  private void add(int p, int leader, int isr, int elr) {
    if (size == partitions.length) {
      partitions = Arrays.copyOf(partitions, size * 2);
      leaders = Arrays.copyOf(leaders, size * 2);
      isrs = Arrays.copyOf(isrs, size * 2);
      elrs = Arrays.copyOf(elrs, size * 2);
    }
    partitions[size] = p;
    leaders[size] = leader;
    isrs[size] = isr;
    elrs[size] = elr;
    size++;
  }
}
