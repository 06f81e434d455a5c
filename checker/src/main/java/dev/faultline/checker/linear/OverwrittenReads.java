package dev.faultline.checker.linear;

import java.util.Arrays;
import java.util.List;

/**
 * A necessary condition checked before the register search, in O(n log n): a read (or a cas that
 * succeeded, which reads its old value) of a value that only one operation ever writes, where some
 * completed write or cas of another value certainly falls between that writer and the read. The
 * writer returned before the overwrite was invoked, and the overwrite returned before the read was
 * invoked, so every linearization places writer, overwrite, read in that order; the value cannot
 * come back, since its only writer is spent. Such a history is not linearizable.
 *
 * <p>It finds the stale reads, lost writes and impossible cas that wide histories hide in their
 * middle, where the search would first have to exhaust every order of the operations before them.
 * Operations of unknown outcome count as writers of what they write (they may take effect at any
 * time), never as overwrites; values equal to the initial value or nil are left alone (their
 * reading follows the rules' conventions, and the initial value has no writer operation).
 */
final class OverwrittenReads {
  private OverwrittenReads() {}

  /**
   * The operations (writer, overwrite, read: completed ids of {@code h}) of the violation whose
   * read returned first, or null when there is none.
   */
  static int[] find(RegisterHistory h) {
    int values = h.values.size();
    int[] writers = new int[values];
    int[] writer = new int[values];
    Arrays.fill(writer, -1);
    for (int i = 0; i < h.completed; i++) {
      if (h.kind[i] == RegisterHistory.WRITE || h.kind[i] == RegisterHistory.CAS) {
        writers[h.produce[i]]++;
        writer[h.produce[i]] = i;
      }
    }
    for (int c = 0; c < h.classOps.length; c++) {
      writers[h.classTo[c]] += h.classOps[c].length; // open: may take effect, at any time
    }
    // Overwrites (completed writes and cas that took effect) in invoke order, with the earliest
    // return among each suffix.
    int[] over = new int[h.completed];
    int m = 0;
    for (int i : h.byCall) {
      if (h.kind[i] == RegisterHistory.WRITE || h.kind[i] == RegisterHistory.CAS) {
        over[m++] = i;
      }
    }
    int[] overCall = new int[m];
    int[] minReturn = new int[m + 1];
    int[] argMin = new int[m + 1];
    minReturn[m] = Integer.MAX_VALUE;
    argMin[m] = -1;
    for (int k = m - 1; k >= 0; k--) {
      overCall[k] = h.call[over[k]];
      int ret = h.ops[over[k]].completionIndex();
      boolean better = ret < minReturn[k + 1];
      minReturn[k] = better ? ret : minReturn[k + 1];
      argMin[k] = better ? over[k] : argMin[k + 1];
    }
    // Completed ids are in return order: the first read found is the one that returned first.
    for (int r = 0; r < h.completed; r++) {
      if (h.kind[r] != RegisterHistory.READ && h.kind[r] != RegisterHistory.CAS) {
        continue;
      }
      int v = h.need[r];
      int w = writer[v];
      if (v == h.initial || h.values.get(v) == null || writers[v] != 1 || w < 0 || w == r) {
        continue;
      }
      int wReturn = h.ops[w].completionIndex();
      int k = firstCalledAfter(overCall, wReturn);
      if (minReturn[k] < h.call[r]) {
        return new int[] {w, argMin[k], r};
      }
    }
    return null;
  }

  /** The first index of {@code calls} (ascending) whose value exceeds {@code at}; m when none. */
  private static int firstCalledAfter(int[] calls, int at) {
    int i = Arrays.binarySearch(calls, at);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** The violation {@link #find} returned, as a decided key check. */
  static KeyCheck decided(RegisterHistory h, int[] found) {
    Counterexample c =
        new Counterexample(
            null,
            List.of(h.ops[found[0]], h.ops[found[1]]),
            h.ops[found[2]],
            List.of(h.describe(h.produce[found[1]])));
    return new KeyCheck() {
      @Override
      public Search.End run(long quantum) {
        return Search.End.NOT_LINEARIZABLE;
      }

      @Override
      public Counterexample counterexample(Object key) {
        return new Counterexample(key, c.prefix(), c.blocked(), c.candidateStates());
      }

      @Override
      public long configurations() {
        return 0;
      }
    };
  }
}
