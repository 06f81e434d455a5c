package dev.faultline.checker.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The explicit stack of {@link RegisterSearch}: one frame per configuration on the current path, as
 * parallel primitive arrays, and the variable-length parts of frames (early operations, the window
 * of candidates, reads placed in passing, open operations used by a jump, jump targets) in arenas
 * used as stacks. A log of every frame ever pushed (its parent and what it placed) lets the deepest
 * path be rebuilt for a counterexample after the stack has moved on.
 */
final class Frames {
  /** The answer of {@code enter} when every completed operation is placed. */
  static final int WON = 2;

  int[] state = new int[64];
  int[] bound = new int[64];
  int[] lOff = new int[64];
  int[] lLen = new int[64];
  int[] wOff = new int[64];
  int[] wLen = new int[64];
  int[] cur = new int[64];
  int[] pass = new int[64];
  int[] tOff = new int[64];
  int[] tLen = new int[64];
  int[] tCur = new int[64];
  int[] bOff = new int[64];
  int[] bLen = new int[64];
  int[] entry = new int[64];
  int[] jOff = new int[64];
  int[] jLen = new int[64];
  int[] logAt = new int[64];
  int[] aMark = new int[64];
  boolean[] borrow = new boolean[64];

  int[] l = new int[256];
  int[] w = new int[256];
  int[] t = new int[64];
  int[] b = new int[64];
  int[] j = new int[64];
  int lTop;
  int wTop;
  int tTop;
  int bTop;
  int jTop;

  /** Scratch: the jump target chosen with the last move. */
  int target;

  private final Pages log = new Pages();

  void push(
      int e,
      int s,
      int bnd,
      int lo,
      int ll,
      int wo,
      int wl,
      int bo,
      int bl,
      int op,
      int jo,
      int jl,
      boolean borrowed) {
    if (e == state.length) {
      grow();
    }
    state[e] = s;
    bound[e] = bnd;
    lOff[e] = lo;
    lLen[e] = ll;
    wOff[e] = wo;
    wLen[e] = wl;
    cur[e] = 0;
    pass[e] = 0;
    tOff[e] = tTop;
    tLen[e] = 0;
    tCur[e] = 0;
    bOff[e] = bo;
    bLen[e] = bl;
    entry[e] = op;
    jOff[e] = jo;
    jLen[e] = jl;
    borrow[e] = borrowed;
    bTop = bo + bl;
    jTop = jo + jl;
  }

  private void grow() {
    int size = state.length * 2;
    state = Arrays.copyOf(state, size);
    bound = Arrays.copyOf(bound, size);
    lOff = Arrays.copyOf(lOff, size);
    lLen = Arrays.copyOf(lLen, size);
    wOff = Arrays.copyOf(wOff, size);
    wLen = Arrays.copyOf(wLen, size);
    cur = Arrays.copyOf(cur, size);
    pass = Arrays.copyOf(pass, size);
    tOff = Arrays.copyOf(tOff, size);
    tLen = Arrays.copyOf(tLen, size);
    tCur = Arrays.copyOf(tCur, size);
    bOff = Arrays.copyOf(bOff, size);
    bLen = Arrays.copyOf(bLen, size);
    entry = Arrays.copyOf(entry, size);
    jOff = Arrays.copyOf(jOff, size);
    jLen = Arrays.copyOf(jLen, size);
    logAt = Arrays.copyOf(logAt, size);
    aMark = Arrays.copyOf(aMark, size);
    borrow = Arrays.copyOf(borrow, size);
  }

  private static int[] fit(int[] a, int need) {
    return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, a.length * 2));
  }

  void early(int i, int op) {
    l = fit(l, i + 1);
    l[i] = op;
  }

  void window(int i, int op) {
    w = fit(w, i + 1);
    w[i] = op;
  }

  void batch(int i, int op) {
    b = fit(b, i + 1);
    b[i] = op;
  }

  /** The target arena with room for {@code count} targets at {@code at}. */
  int[] targets(int at, int count) {
    t = fit(t, at + count);
    tTop = at + count;
    return t;
  }

  /** The jump arena with room for {@code count} classes at {@code at}. */
  int[] jumps(int at, int count) {
    j = fit(j, at + count);
    return j;
  }

  /**
   * Records frame e: its parent's log entry, the operation placed, the jump, the reads; false when
   * the log's address space is used up.
   */
  boolean log(int e, int parent, int op, int[] openOps, int bo, int bl) {
    int at = log.allocate(4 + openOps.length + bl);
    if (at < 0) {
      return false;
    }
    logAt[e] = at;
    int[] page = log.page(at);
    int k = Pages.offset(at);
    page[k++] = parent;
    page[k++] = op;
    page[k++] = openOps.length;
    for (int o : openOps) {
      page[k++] = o;
    }
    page[k++] = bl;
    System.arraycopy(b, bo, page, k, bl);
    return true;
  }

  /** The operations placed on the path to the logged frame at {@code at}, first to last. */
  List<Integer> path(int at) {
    List<int[]> steps = new ArrayList<>();
    for (int e = at; e >= 0; ) {
      int[] page = log.page(e);
      int k = Pages.offset(e);
      int parent = page[k++];
      int op = page[k++];
      int jl = page[k++];
      int[] step = new int[jl + 1 + page[k + jl]];
      int m = 0;
      for (int i = 0; i < jl; i++) {
        step[m++] = page[k++];
      }
      step[m++] = op;
      int bl = page[k++];
      for (int i = 0; i < bl; i++) {
        step[m++] = page[k++];
      }
      steps.add(step);
      e = parent;
    }
    java.util.Collections.reverse(steps);
    List<Integer> out = new ArrayList<>();
    for (int[] step : steps) {
      for (int op : step) {
        if (op >= 0) {
          out.add(op);
        }
      }
    }
    return out;
  }
}
