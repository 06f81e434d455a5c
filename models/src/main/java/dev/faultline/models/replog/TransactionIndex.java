package dev.faultline.models.replog;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One replica's view of the transactions in its partition (Kafka's {@code ProducerStateManager} and
 * its aborted-transaction index): which producers have a transaction open here and from which
 * offset, which completed transactions are not yet below the high watermark, and which were
 * aborted. Every replica keeps it as records reach its log and rebuilds it after a truncation.
 *
 * <p>The last stable offset is the high watermark, or the first offset of the oldest transaction
 * that is open or whose marker is not yet below the high watermark, whichever is smaller: a
 * read_committed consumer reads nothing at or past it.
 */
final class TransactionIndex {
  private final Map<Long, Long> openSince = new TreeMap<>(); // producer id -> first offset
  private final List<long[]> unreplicated = new ArrayList<>(); // {first offset, marker offset}
  private final List<AbortedTxn> aborted = new ArrayList<>();

  void onAppended(LogEntry e) {
    if (e.kind() == LogEntry.Kind.TXN_DATA) {
      openSince.putIfAbsent(e.producerId(), e.offset());
    } else if (e.kind().isMarker()) {
      Long first = openSince.remove(e.producerId());
      if (first != null) {
        unreplicated.add(new long[] {first, e.offset()});
        if (e.kind() == LogEntry.Kind.ABORT) {
          aborted.add(new AbortedTxn(e.producerId(), first, e.offset()));
        }
      }
    }
  }

  void rebuild(ReplicaLog log) {
    openSince.clear();
    unreplicated.clear();
    aborted.clear();
    for (LogEntry e : log.entries()) {
      onAppended(e);
    }
  }

  /** Whether {@code producerId} has a transaction open in this partition. */
  boolean hasOpen(long producerId) {
    return openSince.containsKey(producerId);
  }

  /** The last stable offset under {@code highWatermark}. */
  long lastStableOffset(long highWatermark) {
    long lso = highWatermark;
    for (long first : openSince.values()) {
      lso = Math.min(lso, first);
    }
    Iterator<long[]> it = unreplicated.iterator();
    while (it.hasNext()) {
      long[] t = it.next();
      if (t[1] < highWatermark) {
        it.remove(); // its marker is committed; the high watermark never goes back
      } else {
        lso = Math.min(lso, t[0]);
      }
    }
    return lso;
  }

  /** The aborted transactions with records in [from, to). */
  List<AbortedTxn> abortedBetween(long from, long to) {
    List<AbortedTxn> out = new ArrayList<>();
    for (AbortedTxn a : aborted) {
      if (a.lastOffset() >= from && a.firstOffset() < to) {
        out.add(a);
      }
    }
    return out;
  }
}
