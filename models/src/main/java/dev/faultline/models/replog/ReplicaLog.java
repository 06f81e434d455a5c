package dev.faultline.models.replog;

import dev.faultline.sim.Disk;
import java.util.ArrayList;
import java.util.List;

/**
 * One replica's log of a partition, mirrored on the broker's disk (every append is synced before it
 * is acknowledged or reported to a leader), with its leader-epoch cache: the first offset of every
 * epoch in the log. Offsets start at 0 and are the list index.
 */
public final class ReplicaLog {
  /** The answer to "where does epoch E end here?": the largest epoch at most E, and its end. */
  public record EpochEnd(int epoch, long endOffset) {}

  private final Disk disk;
  private final String name;
  private final List<LogEntry> entries = new ArrayList<>();
  private final List<long[]> epochStarts = new ArrayList<>(); // {epoch, startOffset}

  /** The log called {@code log-p<partition>} on {@code disk}, recovered from what it holds. */
  public ReplicaLog(Disk disk, int partition) {
    this.disk = disk;
    this.name = "log-p" + partition;
    for (Object o : disk.log(name)) {
      remember((LogEntry) o);
    }
  }

  public long endOffset() {
    return entries.size();
  }

  /** The epoch of the last record, or -1 when the log is empty. */
  public int lastEpoch() {
    return epochStarts.isEmpty() ? -1 : (int) epochStarts.get(epochStarts.size() - 1)[0];
  }

  public LogEntry get(long offset) {
    return entries.get(Math.toIntExact(offset));
  }

  /** Appends records that must follow on from the end of the log; syncs the disk. */
  public void append(List<LogEntry> records) {
    for (LogEntry e : records) {
      if (e.offset() != entries.size()) {
        throw new IllegalStateException(
            "append at offset " + e.offset() + " to a log ending at " + entries.size());
      }
      remember(e);
      disk.append(name, e);
    }
    disk.sync();
  }

  private void remember(LogEntry e) {
    entries.add(e);
    if (epochStarts.isEmpty() || lastEpoch() != e.leaderEpoch()) {
      epochStarts.add(new long[] {e.leaderEpoch(), e.offset()});
    }
  }

  /** Removes every record at or above {@code offset}; syncs. Returns how many were removed. */
  public int truncateTo(long offset) {
    if (offset >= entries.size()) {
      return 0;
    }
    int removed = entries.size() - (int) offset;
    entries.subList((int) offset, entries.size()).clear();
    while (!epochStarts.isEmpty() && epochStarts.get(epochStarts.size() - 1)[1] >= offset) {
      epochStarts.remove(epochStarts.size() - 1);
    }
    disk.truncate(name, (int) offset);
    disk.sync();
    return removed;
  }

  /**
   * Where {@code epoch} ends in this log (KIP-101/KIP-279): the largest epoch at most {@code epoch}
   * that the log holds, and the first offset of the next epoch after it (or the log end). When the
   * log holds no epoch that small, epoch -1 ending at offset 0.
   */
  public EpochEnd endOffsetForEpoch(int epoch) {
    for (int i = epochStarts.size() - 1; i >= 0; i--) {
      int e = (int) epochStarts.get(i)[0];
      if (e <= epoch) {
        long end = i == epochStarts.size() - 1 ? entries.size() : epochStarts.get(i + 1)[1];
        return new EpochEnd(e, end);
      }
    }
    return new EpochEnd(-1, 0);
  }

  /**
   * Up to about {@code max} records from {@code offset}, below {@code limit}, ending on a batch
   * boundary so that no replica ever holds part of a batch.
   */
  public List<LogEntry> read(long offset, int max, long limit) {
    long end = Math.min(limit, entries.size());
    List<LogEntry> out = new ArrayList<>();
    long o = offset;
    while (o < end && out.size() < max) {
      LogEntry first = entries.get((int) o);
      long batchEnd = Math.min(first.batchLastOffset(), end - 1);
      for (long i = o; i <= batchEnd; i++) {
        out.add(entries.get((int) i));
      }
      o = batchEnd + 1;
    }
    return out;
  }

  /** Every record, oldest first (read-only). */
  public List<LogEntry> entries() {
    return java.util.Collections.unmodifiableList(entries);
  }
}
