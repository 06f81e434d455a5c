package dev.faultline.checker.linear;

import java.util.Arrays;

/**
 * A cheap test that prunes a configuration of {@link RegisterSearch} long before the search would
 * meet its dead end: for a value v, take the unplaced read (or cas) needing v that returns first;
 * when the register does not hold v now and no operation that could still write v was invoked
 * before that read returned, nothing can satisfy it. For the relaxed search open writers count as
 * never used up; the strict one passes its {@link OpenOps}, and an open writer it has used on the
 * current path no longer counts: a crashed write that one read of its value consumed dooms the path
 * as soon as the register moves away from that value while a later read of it still waits.
 *
 * <p>Each value keeps a cursor to its first unplaced reader; cursors move forward as the search
 * descends and are put back, from a log, as it backtracks.
 */
final class ValueLookahead {
  private final RegisterHistory h;
  private final int[][] readers;
  private final int[][] writerCalls;
  private final int[] firstOpenWriter;
  private final int[] placedWriters;
  private final int[] cursor;
  private int[] log = new int[256];
  private int top;
  private int starved = -1;

  /** The strict search's open operations (which it has used), or null for the relaxed search. */
  private final OpenOps strictOpen;

  ValueLookahead(RegisterHistory h, OpenOps strictOpen) {
    this.h = h;
    this.strictOpen = strictOpen;
    int values = h.values.size();
    int[] readerCount = new int[values];
    int[] writerCount = new int[values];
    for (int i = 0; i < h.completed; i++) {
      if (h.kind[i] == RegisterHistory.READ || h.kind[i] == RegisterHistory.CAS) {
        readerCount[h.need[i]]++;
      }
      if (h.kind[i] == RegisterHistory.WRITE || h.kind[i] == RegisterHistory.CAS) {
        writerCount[h.produce[i]]++;
      }
    }
    readers = new int[values][];
    writerCalls = new int[values][];
    int[] none = new int[0];
    for (int v = 0; v < values; v++) {
      readers[v] = readerCount[v] == 0 ? none : new int[readerCount[v]];
      writerCalls[v] = writerCount[v] == 0 ? none : new int[writerCount[v]];
    }
    Arrays.fill(readerCount, 0);
    Arrays.fill(writerCount, 0);
    for (int i = 0; i < h.completed; i++) {
      if (h.kind[i] == RegisterHistory.READ || h.kind[i] == RegisterHistory.CAS) {
        readers[h.need[i]][readerCount[h.need[i]]++] = i;
      }
      if (h.kind[i] == RegisterHistory.WRITE || h.kind[i] == RegisterHistory.CAS) {
        writerCalls[h.produce[i]][writerCount[h.produce[i]]++] = h.call[i];
      }
    }
    for (int[] calls : writerCalls) {
      if (calls.length > 1) {
        Arrays.sort(calls);
      }
    }
    firstOpenWriter = new int[values];
    Arrays.fill(firstOpenWriter, Integer.MAX_VALUE);
    for (int c = 0; c < h.classOps.length; c++) {
      int v = h.classTo[c];
      firstOpenWriter[v] = Math.min(firstOpenWriter[v], h.openCall[h.classOps[c][0]]);
    }
    placedWriters = new int[values];
    cursor = new int[values];
  }

  void placed(int op, boolean in) {
    if (h.kind[op] == RegisterHistory.WRITE || h.kind[op] == RegisterHistory.CAS) {
      placedWriters[h.produce[op]] += in ? 1 : -1;
    }
  }

  /** Clears the reader the last test found starved. */
  void forget() {
    starved = -1;
  }

  /** The reader the last failing test found starved, or -1. */
  int starvedReader() {
    return starved;
  }

  /** Where the cursor log stands, to undo to later. */
  int mark() {
    return top;
  }

  void undo(int mark) {
    while (top > mark) {
      top -= 2;
      cursor[log[top]] = log[top + 1];
    }
  }

  /** Whether some value's first unplaced reader can no longer be satisfied (tests every value). */
  boolean doomed(int s, boolean[] lin) {
    for (int v = 0; v < readers.length; v++) {
      if (v != s && starved(v, lin)) {
        return true;
      }
    }
    return false;
  }

  /**
   * As {@link #doomed(int, boolean[])} after a move from a configuration where no value was doomed:
   * only the values the move touched can have become so, namely the value the register held before
   * ({@code was}) and those the placed operations read or wrote.
   */
  boolean doomedAfter(int s, int was, boolean[] lin, int[] placed, int from, int len, int op) {
    if (was != s && starved(was, lin)) {
      return true;
    }
    if (op >= 0 && touches(s, lin, op)) {
      return true;
    }
    for (int i = from; i < from + len; i++) {
      if (touches(s, lin, placed[i])) {
        return true;
      }
    }
    return false;
  }

  private boolean touches(int s, boolean[] lin, int op) {
    int k = h.kind[op];
    if ((k == RegisterHistory.READ || k == RegisterHistory.CAS)
        && h.need[op] != s
        && starved(h.need[op], lin)) {
      return true;
    }
    return (k == RegisterHistory.WRITE || k == RegisterHistory.CAS)
        && h.produce[op] != s
        && starved(h.produce[op], lin);
  }

  /** Whether value v's first unplaced reader can no longer see v (the register not holding it). */
  private boolean starved(int v, boolean[] lin) {
    int[] r = readers[v];
    int p = cursor[v];
    if (p < r.length && lin[r[p]]) {
      int q = p;
      while (q < r.length && lin[r[q]]) {
        q++;
      }
      if (top + 2 > log.length) {
        log = Arrays.copyOf(log, log.length * 2);
      }
      log[top++] = v;
      log[top++] = p;
      cursor[v] = q;
      p = q;
    }
    if (p == r.length) {
      return false;
    }
    int ret = h.ops[r[p]].completionIndex();
    if (firstOpenWriter[v] < ret && (strictOpen == null || strictOpen.unusedInto(v, ret))) {
      return false;
    }
    if (countBelow(writerCalls[v], ret) - placedWriters[v] > 0) {
      return false;
    }
    starved = r[p];
    return true;
  }

  private static int countBelow(int[] sorted, int limit) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (sorted[m] < limit) {
        lo = m + 1;
      } else {
        hi = m;
      }
    }
    return lo;
  }
}
