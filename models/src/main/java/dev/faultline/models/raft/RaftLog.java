package dev.faultline.models.raft;

import dev.faultline.sim.Disk;
import java.util.ArrayList;
import java.util.List;

/**
 * The replicated log on a node's disk, mirrored in memory. Epochs never decrease along a log, so
 * the entries of epochs up to any epoch form a prefix; {@link #endOffsetForEpoch} finds its end by
 * binary search. Appends and truncations are durable only after {@link #sync()}.
 */
public final class RaftLog {
  static final String DISK_LOG = "raft-log";
  private final Disk disk;
  private final List<LogEntry> entries;
  private long truncations;

  /** Where the entries of epochs up to some epoch end, and the last epoch among them (0: none). */
  record EpochEnd(int epoch, long offset) {}

  RaftLog(Disk disk) {
    this.disk = disk;
    this.entries = new ArrayList<>(disk.<LogEntry>log(DISK_LOG));
  }

  /** The offset the next entry gets: the number of entries. */
  public long endOffset() {
    return entries.size();
  }

  /** The epoch of the last entry, or 0 for an empty log. */
  public int lastEpoch() {
    return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).epoch();
  }

  /** The entry at {@code offset}, which must be below the end offset. */
  public LogEntry entry(long offset) {
    return entries.get(Math.toIntExact(offset));
  }

  /** How many truncations removed entries; invariants notice a changed log by it. */
  public long truncations() {
    return truncations;
  }

  void append(LogEntry e) {
    if (e.offset() != entries.size()) {
      throw new IllegalStateException(
          "append at offset " + e.offset() + " to a log ending at " + entries.size());
    }
    if (e.epoch() < lastEpoch()) {
      throw new IllegalStateException("append of epoch " + e.epoch() + " after " + lastEpoch());
    }
    entries.add(e);
    disk.append(DISK_LOG, e);
  }

  void truncateTo(long offset) {
    if (offset < entries.size()) {
      entries.subList(Math.toIntExact(offset), entries.size()).clear();
      disk.truncate(DISK_LOG, Math.toIntExact(offset));
      truncations++;
    }
  }

  void sync() {
    disk.sync();
  }

  /** The end of the entries whose epoch is at most {@code epoch}, and the last epoch among them. */
  EpochEnd endOffsetForEpoch(int epoch) {
    int lo = 0;
    int hi = entries.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (entries.get(mid).epoch() <= epoch) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return new EpochEnd(lo == 0 ? 0 : entries.get(lo - 1).epoch(), lo);
  }

  /** Up to {@code max} entries from {@code from}. */
  List<LogEntry> slice(long from, int max) {
    int start = Math.toIntExact(from);
    int end = Math.min(entries.size(), start + max);
    return start >= end ? List.of() : List.copyOf(entries.subList(start, end));
  }

  /** Whether a log ending at (lastEpoch, endOffset) is at least as up to date as this one. */
  boolean isCaughtUpBy(int otherLastEpoch, long otherEndOffset) {
    return otherLastEpoch != lastEpoch()
        ? otherLastEpoch > lastEpoch()
        : otherEndOffset >= endOffset();
  }
}
