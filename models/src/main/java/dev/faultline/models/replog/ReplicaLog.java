package dev.faultline.models.replog;

import dev.faultline.sim.Disk;
import java.util.ArrayList;
import java.util.List;

/**
 * One replica's log of a partition, mirrored on the broker's disk (appends reach the page cache and
 * are synced as the {@link FlushPolicy} says: by default every append, before it is acknowledged or
 * reported to a leader), with its leader-epoch cache: the first offset of every epoch in the log.
 * Offsets start at 0 and are the list index.
 */
public final class ReplicaLog {
  /** The answer to "where does epoch E end here?": the largest epoch at most E, and its end. */
  public record EpochEnd(int epoch, long endOffset) {}

  private final Disk disk;
  private final String name;
  private final List<LogEntry> entries = new ArrayList<>();
  private final List<long[]> epochStarts = new ArrayList<>(); // {epoch, startOffset}
  private FlushPolicy flush = FlushPolicy.everyAppend();
  private long unflushed;
  private long oldestUnflushedMicros = -1;

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

  /** How this log is fsynced (every append unless set). */
  public void flushPolicy(FlushPolicy policy) {
    this.flush = policy;
  }

  /**
   * Appends records that must follow on from the end of the log; they reach the page cache, and the
   * disk once the flush policy says so.
   */
  public void append(List<LogEntry> records) {
    append(records, -1);
  }

  /** Appends, noting {@code nowMicros} for {@code flush.ms} (-1 when it does not matter). */
  public void append(List<LogEntry> records, long nowMicros) {
    for (LogEntry e : records) {
      if (e.offset() != entries.size()) {
        throw new IllegalStateException(
            "append at offset " + e.offset() + " to a log ending at " + entries.size());
      }
      remember(e);
      disk.append(name, e);
    }
    if (records.isEmpty()) {
      return;
    }
    if (unflushed == 0) {
      oldestUnflushedMicros = nowMicros;
    }
    unflushed += records.size();
    if (flush.flushMessages() > 0 && unflushed >= flush.flushMessages()) {
      fsync();
    }
  }

  /** Whether every append is synced at once (then checkpoints are synced too, as before). */
  public boolean syncsEveryAppend() {
    return flush.syncsEveryAppend();
  }

  /** Makes what was appended durable (the whole node's disk, as one sync does). */
  public void fsync() {
    disk.sync();
    unflushed = 0;
    oldestUnflushedMicros = -1;
  }

  /** Fsyncs when the oldest unsynced record is {@code flush.ms} old (Kafka's log flusher). */
  public void flushIfDue(long nowMicros) {
    if (flush.flushMicros() > 0
        && unflushed > 0
        && oldestUnflushedMicros >= 0
        && nowMicros - oldestUnflushedMicros >= flush.flushMicros()) {
      fsync();
    }
  }

  /** The operating system wrote the page cache back: nothing is pending any more. */
  public void writtenBack() {
    unflushed = 0;
    oldestUnflushedMicros = -1;
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
    if (flush.syncsEveryAppend()) {
      disk.sync();
    }
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
