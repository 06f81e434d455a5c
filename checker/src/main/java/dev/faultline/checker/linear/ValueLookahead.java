package dev.faultline.checker.linear;

import java.util.Arrays;

/**
 * A cheap test that prunes a configuration of {@link RegisterSearch} long before the search would
 * meet its dead end: for a value v, take the unplaced read (or cas) needing v that returns first;
 * when the register does not hold v now and no operation that could still write v was invoked
 * before that read returned, nothing can satisfy it. Open writers count as never used up, so the
 * test holds for the relaxed search too.
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
  private final boolean all;
  private int[] log = new int[256];
  private int top;

  ValueLookahead(RegisterHistory h) {
    this.h = h;
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
    for (int v = 0; v < values; v++) {
      readers[v] = new int[readerCount[v]];
      writerCalls[v] = new int[writerCount[v]];
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
      Arrays.sort(calls);
    }
    firstOpenWriter = new int[values];
    Arrays.fill(firstOpenWriter, Integer.MAX_VALUE);
    for (int c = 0; c < h.classOps.length; c++) {
      int v = h.classTo[c];
      firstOpenWriter[v] = Math.min(firstOpenWriter[v], h.openCall[h.classOps[c][0]]);
    }
    placedWriters = new int[values];
    cursor = new int[values];
    // Testing every value costs a loop over the values per configuration; with many values,
    // only those the window's operations need are tested.
    all = values <= 256;
  }

  void placed(int op, boolean in) {
    if (h.kind[op] == RegisterHistory.WRITE || h.kind[op] == RegisterHistory.CAS) {
      placedWriters[h.produce[op]] += in ? 1 : -1;
    }
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

  /**
   * Whether some value's first unplaced reader can no longer be satisfied in a configuration with
   * value {@code s} and placed set {@code lin}; {@code window} lists the candidates.
   */
  boolean doomed(int s, boolean[] lin, int[] window, int from, int len) {
    if (all) {
      for (int v = 0; v < readers.length; v++) {
        if (v != s && doomed(v, lin)) {
          return true;
        }
      }
      return false;
    }
    for (int i = from; i < from + len; i++) {
      int op = window[i];
      int k = h.kind[op];
      if ((k == RegisterHistory.READ || k == RegisterHistory.CAS)
          && h.need[op] != s
          && doomed(h.need[op], lin)) {
        return true;
      }
    }
    return false;
  }

  private boolean doomed(int v, boolean[] lin) {
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
    if (firstOpenWriter[v] < ret) {
      return false;
    }
    return countBelow(writerCalls[v], ret) - placedWriters[v] <= 0;
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
