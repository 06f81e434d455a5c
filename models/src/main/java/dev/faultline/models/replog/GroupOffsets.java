package dev.faultline.models.replog;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed offsets of the groups of one offsets partition, read from its log up to the high
 * watermark (what is committed there). A plain offset commit applies at once; a transactional one
 * is pending until its producer's commit marker (applied) or abort marker (dropped), as Kafka's
 * {@code GroupMetadataManager} keeps {@code pendingTransactionalOffsets}. Group metadata records
 * found while loading are handed to {@code onGroup}.
 */
final class GroupOffsets {
  private final Map<String, Map<Integer, Long>> committed = new TreeMap<>();
  private final Map<Long, java.util.List<OffsetCommitValue>> pending = new TreeMap<>();
  private final List<OffsetCommitValue> appending = new java.util.ArrayList<>();
  private long applied;

  /** A transactional commit on its way into the log: its partitions are unstable already. */
  void appending(OffsetCommitValue o) {
    appending.add(o);
  }

  /** That commit is in the log (or failed): the log now says whether it is pending. */
  void appended(OffsetCommitValue o) {
    appending.remove(o);
  }

  /** Reads what the log committed since the last call. */
  void catchUp(PartitionReplica r, java.util.function.Consumer<GroupMetadataValue> onGroup) {
    long hw = r.highWatermark();
    ReplicaLog log = r.log();
    while (applied < hw && applied < log.endOffset()) {
      apply(log.get(applied++), onGroup);
    }
  }

  private void apply(LogEntry e, java.util.function.Consumer<GroupMetadataValue> onGroup) {
    if (e.kind().isMarker()) {
      List<OffsetCommitValue> mine = pending.remove(e.producerId());
      if (mine != null && e.kind() == LogEntry.Kind.COMMIT) {
        mine.forEach(this::put);
      }
    } else if (e.stateRecord() instanceof OffsetCommitValue o) {
      if (o.transactional()) {
        pending.computeIfAbsent(o.producerId(), id -> new java.util.ArrayList<>()).add(o);
      } else {
        put(o);
      }
    } else if (e.stateRecord() instanceof GroupMetadataValue g) {
      onGroup.accept(g);
    }
  }

  private void put(OffsetCommitValue o) {
    Map<Integer, Long> mine = committed.computeIfAbsent(o.groupId(), g -> new TreeMap<>());
    for (int i = 0; i < o.partitions().size(); i++) {
      mine.put(o.partitions().get(i), o.offsets().get(i));
    }
  }

  /** Whether everything below {@code r}'s high watermark has been read. */
  boolean loadedAll(PartitionReplica r) {
    return applied >= Math.min(r.highWatermark(), r.log().endOffset());
  }

  /** The committed offset of {@code partition}, or -1. */
  long committed(String groupId, int partition) {
    Map<Integer, Long> mine = committed.get(groupId);
    Long o = mine == null ? null : mine.get(partition);
    return o == null ? -1 : o;
  }

  /** Whether a transaction's offsets for one of {@code partitions} await its marker. */
  boolean unstable(String groupId, List<Integer> partitions) {
    List<List<OffsetCommitValue>> all = new java.util.ArrayList<>(pending.values());
    all.add(appending);
    for (List<OffsetCommitValue> txn : all) {
      for (OffsetCommitValue o : txn) {
        if (o.groupId().equals(groupId) && o.partitions().stream().anyMatch(partitions::contains)) {
          return true;
        }
      }
    }
    return false;
  }
}
