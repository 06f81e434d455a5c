package dev.faultline.checker.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The search for register histories, built for wide ones: many processes, and many crashed
 * operations that stay open. It is Wing and Gong's search with four changes, each of which keeps it
 * exact:
 *
 * <ul>
 *   <li>Operations are tried in the order they returned (earliest deadline first): the next one
 *       placed is the one that must be placed soonest, unless another must go before it.
 *   <li>A read (or a failed cas, under Porcupine's rules) that the current value allows is placed
 *       at once, without branching: it changes nothing, so placing it later can never help.
 *   <li>Of identical operations that may be placed, only the one that returns first is tried.
 *   <li>Open operations are not placed one by one. A blocked read or cas may be placed after a
 *       <em>jump</em> to the value it needs when open operations invoked by then could take the
 *       register there ({@link OpenOps}), each usable any number of times. That relaxes the
 *       problem: what this search cannot linearize is not linearizable, and a verdict of NOT needs
 *       no more. When it does linearize, it has realized every jump with distinct open operations
 *       along the way; only when one had to be reused does the strict search (open operations used
 *       at most once, and recorded in the memo key: {@link UsedOpen}) decide. Only when it realized
 *       some jump one way among several and found nothing is the verdict left to the general search
 *       ({@link Search}).
 * </ul>
 *
 * <p>A configuration is (bound, value, early operations; in the strict search also the open
 * operations used) and is stored exactly ({@link ConfigMemo}). The search is iterative (no
 * recursion, however long the history) and resumable.
 */
final class RegisterSearch {
  /** How a run ended; BORROWED: linearizable only if an open operation may take effect twice. */
  enum End {
    LINEARIZABLE,
    NOT_LINEARIZABLE,
    BORROWED,
    OUT_OF_TIME,
    OUT_OF_MEMORY,
    PAUSED
  }

  private final RegisterHistory h;
  private final boolean strict;
  private final OpenOps open;
  private final ValueLookahead lookahead;
  private final ConfigMemo memo;
  private final long deadlineNanos;
  private final int n;
  private final boolean[] lin;
  private final int[] pos;
  private final int[] next;
  private final int[] prev;
  private final int[] effect;
  private final int[] effectSeen;
  private int effectStamp;
  private final Frames f = new Frames();
  private final Deepest best = new Deepest();
  private int depth = -1;
  private int borrowed;
  private End done;

  private final UsedOpen used = new UsedOpen();

  /**
   * @param strict whether a jump must be realized with unused open operations (exact unless {@link
   *     #choseFreely}) or may reuse them (the relaxed search, exact for the relaxation: it finds a
   *     linearization whenever one exists)
   */
  RegisterSearch(RegisterHistory h, boolean strict, Memo.Budget budget, long deadlineNanos) {
    this.h = h;
    this.strict = strict;
    this.n = h.completed;
    this.open = new OpenOps(h);
    this.lookahead = new ValueLookahead(h, strict ? open : null);
    this.deadlineNanos = deadlineNanos;
    this.memo = new ConfigMemo(budget, this::expired);
    this.lin = new boolean[n];
    this.pos = new int[n];
    this.next = new int[n + 1];
    this.prev = new int[n + 1];
    for (int p = 0; p < n; p++) {
      pos[h.byCall[p]] = p;
      next[p] = p + 1;
      prev[p + 1] = p;
    }
    next[n] = 0;
    prev[0] = n;
    this.effect = effects();
    this.effectSeen = new int[n];
    start();
  }

  /** Numbers each completed operation's effect, so that identical operations share a number. */
  private int[] effects() {
    java.util.Map<Long, Integer> ids = new java.util.HashMap<>();
    int[] e = new int[n];
    for (int i = 0; i < n; i++) {
      long key = ((long) h.kind[i] << 60) ^ ((long) h.need[i] << 30) ^ (h.produce[i] & 0x3fffffffL);
      Integer id = ids.putIfAbsent(key, ids.size());
      e[i] = id == null ? ids.size() - 1 : id;
    }
    return e;
  }

  boolean expired() {
    return System.nanoTime() - deadlineNanos > 0;
  }

  long configurations() {
    return memo.size();
  }

  /**
   * Whether a strict search's NOT may be wrong: some jump had several ways to be realized and only
   * one was tried. Without that, its memo (which records the open operations used) makes it exact.
   */
  boolean choseFreely() {
    return used.choseFreely();
  }

  /** Gives the memo's share of the budget back, for the search that takes over. */
  void release() {
    memo.release();
  }

  /** The return position of the first unplaced completed operation, or MAX when none is left. */
  private int limit(int bound) {
    return bound < n ? h.ops[bound].completionIndex() : Integer.MAX_VALUE;
  }

  private void start() {
    if (n == 0) {
      done = End.LINEARIZABLE;
      return;
    }
    // The root is never pruned, so that a counterexample always has a configuration to show.
    int r = enter(-1, h.initial, 0, f.l, 0, 0, -1, 0, 0, false);
    if (r != ConfigMemo.ENTERED) {
      done = outcome(r);
    }
  }

  /**
   * Runs for up to {@code quantum} steps: to a verdict, out of time or memory, or PAUSED, to be
   * resumed by the next call.
   */
  End run(long quantum) {
    if (done != null) {
      return done;
    }
    for (long steps = 1; ; steps++) {
      if ((steps & 255) == 0) {
        if (expired()) {
          return End.OUT_OF_TIME;
        }
        if (steps >= quantum) {
          return End.PAUSED;
        }
      }
      if (depth < 0) {
        return done = End.NOT_LINEARIZABLE;
      }
      int op = nextMove(depth);
      if (op < 0) {
        pop();
        continue;
      }
      int r = move(depth, op, f.target);
      if (r != ConfigMemo.ENTERED && r != ConfigMemo.SEEN) {
        return done = outcome(r);
      }
    }
  }

  private End outcome(int r) {
    return switch (r) {
      case Frames.WON -> borrowed == 0 ? End.LINEARIZABLE : End.BORROWED;
      case ConfigMemo.LATE -> End.OUT_OF_TIME;
      default -> End.OUT_OF_MEMORY;
    };
  }

  /**
   * The next operation to try at frame d, with {@code f.target} set to the value to jump to first
   * (-1 for none); -1 when every move has been tried. When the operation that must be placed first
   * (the window's first) is a blocked read or cas, the moves that unblock it go first: the
   * operations that write what it needs, then a jump to it. Then every other legal move, earliest
   * return first, then the other jumps.
   */
  private int nextMove(int d) {
    int s = f.state[d];
    int w = f.wOff[d];
    int len = f.wLen[d];
    int first = f.w[w];
    int goal =
        (h.kind[first] == RegisterHistory.READ || h.kind[first] == RegisterHistory.CAS)
                && !h.legal(first, s)
            ? h.need[first]
            : -1;
    while (true) {
      switch (f.pass[d]) {
        case 0, 2 -> {
          boolean urgent = f.pass[d] == 0;
          while (f.cur[d] < len) {
            int op = f.w[w + f.cur[d]++];
            if (op >= 0 && h.legal(op, s) && urgent == (goal >= 0 && h.after(op, s) == goal)) {
              f.target = -1;
              return op;
            }
          }
        }
        case 1 -> {
          f.pass[d] = 2;
          f.cur[d] = 0;
          if (goal >= 0 && open.any() && open.reachable(s, goal, limit(f.bound[d]))) {
            f.target = goal;
            return first;
          }
          continue;
        }
        case 3 -> {
          int op = nextJump(d, s, w, len, goal >= 0);
          if (op >= 0) {
            return op;
          }
        }
        default -> {
          return -1;
        }
      }
      f.pass[d]++;
      f.cur[d] = 0;
      if (f.pass[d] == 3 && !open.any()) {
        return -1;
      }
    }
  }

  /** The next jump at frame d (past the first operation's, tried already when it was blocked). */
  private int nextJump(int d, int s, int w, int len, boolean firstTried) {
    if (f.tCur[d] < f.tLen[d]) {
      f.target = f.t[f.tOff[d] + f.tCur[d]++];
      return f.w[w + f.cur[d] - 1];
    }
    int bound = limit(f.bound[d]);
    while (f.cur[d] < len) {
      int at = f.cur[d]++;
      int op = f.w[w + at];
      if (op < 0 || h.legal(op, s) || (at == 0 && firstTried)) {
        continue;
      }
      if (h.kind[op] == RegisterHistory.FAILED_CAS) {
        f.tLen[d] = open.reachableFrom(s, bound, f.targets(f.tOff[d], h.values.size()), f.tOff[d]);
        f.tTop = f.tOff[d] + f.tLen[d];
        f.tCur[d] = 0;
        if (f.tLen[d] > 0) {
          f.target = f.t[f.tOff[d] + f.tCur[d]++];
          return op;
        }
      } else if (open.reachable(s, h.need[op], bound)) {
        f.target = h.need[op];
        return op;
      }
    }
    return -1;
  }

  /**
   * Places {@code op} at frame d (after a jump to {@code target} when it is not -1), places every
   * read the new value allows, and enters the configuration reached as frame d + 1.
   */
  private int move(int d, int op, int target) {
    int s = f.state[d];
    int jOff = f.jTop;
    int jLen = 0;
    boolean borrow = false;
    if (target >= 0) {
      jLen = open.realize(s, target, limit(f.bound[d]), f.jumps(jOff, h.values.size()), jOff);
      if (jLen < 0) {
        if (strict) {
          return ConfigMemo.SEEN;
        }
        borrow = true;
        jLen = 0;
      } else if (strict) {
        useJumps(s, target, limit(f.bound[d]), jOff, jLen);
      }
    }
    int ns = h.after(op, target >= 0 ? target : s);
    return enter(d, ns, f.bound[d], f.l, f.lOff[d], f.lLen[d], op, jOff, jLen, borrow);
  }

  /**
   * Enters the configuration after placing {@code op} (none at the root) on top of frame d's placed
   * set, closes it under the reads its value allows, and pushes it as frame d + 1 unless the memo
   * has seen it (then everything is undone and SEEN returned).
   */
  private int enter(
      int d,
      int s,
      int bound,
      int[] early,
      int from,
      int len,
      int op,
      int jOff,
      int jLen,
      boolean borrow) {
    int bOff = f.bTop;
    int placed = 0;
    int mark = lookahead.mark();
    if (op >= 0) {
      place(op);
    }
    int b = advance(bound);
    int wOff;
    int wLen;
    while (true) {
      wOff = f.wTop;
      wLen = window(b, wOff);
      int before = placed;
      for (int i = 0; i < wLen; i++) {
        int x = f.w[wOff + i];
        if (h.identity(x) && h.legal(x, s)) {
          place(x);
          f.batch(bOff + placed++, x);
        }
      }
      if (placed == before) {
        break;
      }
      b = advance(b);
    }
    int lOff = f.lTop;
    int lLen = early(b, early, from, len, op, bOff, placed, lOff);
    if (borrow) {
      borrowed++;
    }
    if (b == n) {
      return Frames.WON;
    }
    lookahead.forget();
    int r = d >= 0 && doomed(d, s, op, bOff, placed) ? ConfigMemo.SEEN : remember(b, s, lOff, lLen);
    if (r != ConfigMemo.ENTERED) {
      if (d >= 0 && borrowed == 0 && lookahead.starvedReader() >= 0 && r == ConfigMemo.SEEN) {
        best.offerStarved(
            f, d, b + lLen, s, moved(op, jOff, jLen, bOff, placed), lookahead.starvedReader());
      }
      f.lTop = lOff;
      lookahead.undo(mark);
      undo(op, bOff, placed, jOff, jLen, borrow);
      return r;
    }
    markTwins(wOff, wLen);
    int e = ++depth;
    f.push(e, s, b, lOff, lLen, wOff, wLen, bOff, placed, op, jOff, jLen, borrow);
    f.aMark[e] = mark;
    if (!f.log(e, d < 0 ? -1 : f.logAt[d], op, jumpOps(jOff, jLen), bOff, placed)) {
      return ConfigMemo.FULL;
    }
    if (borrowed == 0) {
      // A path that reused an open operation is no linearization to show.
      best.offer(f, e, b + lLen);
    }
    return ConfigMemo.ENTERED;
  }

  /**
   * Records the open operations of a strict jump from s to target. A single cas [s target] beats
   * every other way (swap it with whatever used it later); a single write beats other ways only
   * when no chain of cas operations could have been used instead; anything longer is a choice.
   */
  private void useJumps(int s, int target, int bound, int jOff, int jLen) {
    for (int i = 0; i < jLen; i++) {
      used.push(h.completed + open.lastMember(f.j[jOff + i]));
    }
    if (jLen > 1
        || (jLen == 1 && h.classFrom[f.j[jOff]] < 0 && open.casReachable(s, target, bound))) {
      used.chose();
    }
  }

  /** Enters a configuration in the memo, with the strict search's used open operations. */
  private int remember(int b, int s, int lOff, int lLen) {
    if (!strict || used.isEmpty()) {
      return memo.enter(b, s, f.l, lOff, lLen);
    }
    int len = used.key(f.l, lOff, lLen);
    return memo.enter(b, s, used.key(), 0, len);
  }

  /** Whether the configuration just reached from frame d is certain to fail (ValueLookahead). */
  private boolean doomed(int d, int s, int op, int bOff, int placed) {
    return d == 0
        ? lookahead.doomed(s, lin)
        : lookahead.doomedAfter(s, f.state[d], lin, f.b, bOff, placed, op);
  }

  /** The operations a move placed, in order: its open operations, the one placed, the reads. */
  private int[] moved(int op, int jOff, int jLen, int bOff, int placed) {
    int[] jumps = jumpOps(jOff, jLen);
    int[] out = Arrays.copyOf(jumps, jumps.length + 1 + placed);
    out[jumps.length] = op;
    System.arraycopy(f.b, bOff, out, jumps.length + 1, placed);
    return out;
  }

  private int[] jumpOps(int jOff, int jLen) {
    int[] out = new int[jLen];
    for (int i = 0; i < jLen; i++) {
      out[i] = h.completed + open.lastMember(f.j[jOff + i]);
    }
    return out;
  }

  /** The first unplaced completed operation at or after {@code bound}. */
  private int advance(int bound) {
    int b = bound;
    while (b < n && lin[b]) {
      b++;
    }
    return b;
  }

  /** Writes the unplaced operations invoked before the bound's return, earliest return first. */
  private int window(int bound, int at) {
    int limit = limit(bound);
    int len = 0;
    for (int p = next[n]; p != n && h.call[h.byCall[p]] < limit; p = next[p]) {
      f.window(at + len++, h.byCall[p]);
    }
    Arrays.sort(f.w, at, at + len);
    return len;
  }

  /** Marks (as ~op) every operation whose effect an earlier one in the window already has. */
  private void markTwins(int at, int len) {
    effectStamp++;
    for (int i = at; i < at + len; i++) {
      int e = effect[f.w[i]];
      if (effectSeen[e] == effectStamp) {
        f.w[i] = ~f.w[i];
      } else {
        effectSeen[e] = effectStamp;
      }
    }
    f.wTop = at + len;
  }

  /** The placed operations above the new bound: the parent's, the one placed, the reads. */
  private int early(int b, int[] old, int from, int len, int op, int bOff, int placed, int at) {
    int k = 0;
    for (int i = from; i < from + len; i++) {
      if (old[i] > b) {
        f.early(at + k++, old[i]);
      }
    }
    if (op > b) {
      f.early(at + k++, op);
    }
    for (int i = 0; i < placed; i++) {
      if (f.b[bOff + i] > b) {
        f.early(at + k++, f.b[bOff + i]);
      }
    }
    Arrays.sort(f.l, at, at + k);
    f.lTop = at + k;
    return k;
  }

  private void place(int op) {
    lin[op] = true;
    lookahead.placed(op, true);
    int p = pos[op];
    next[prev[p]] = next[p];
    prev[next[p]] = prev[p];
  }

  private void unplace(int op) {
    lin[op] = false;
    lookahead.placed(op, false);
    int p = pos[op];
    next[prev[p]] = p;
    prev[next[p]] = p;
  }

  private void undo(int op, int bOff, int placed, int jOff, int jLen, boolean borrow) {
    for (int i = placed - 1; i >= 0; i--) {
      unplace(f.b[bOff + i]);
    }
    if (op >= 0) {
      unplace(op);
    }
    for (int i = jLen - 1; i >= 0; i--) {
      open.release(f.j[jOff + i]);
    }
    if (strict && !borrow) {
      used.pop(jLen);
    }
    if (borrow) {
      borrowed--;
    }
    f.bTop = bOff;
    f.jTop = jOff;
  }

  private void pop() {
    int d = depth--;
    f.lTop = f.lOff[d];
    f.wTop = f.wOff[d];
    f.tTop = f.tOff[d];
    lookahead.undo(f.aMark[d]);
    undo(f.entry[d], f.bOff[d], f.bLen[d], f.jOff[d], f.jLen[d], f.borrow[d]);
  }

  /** After NOT_LINEARIZABLE: the deepest configuration reached, and what blocked it. */
  Counterexample counterexample(Object key) {
    List<Operation> prefix = new ArrayList<>();
    for (int op : f.path(best.log)) {
      prefix.add(h.ops[op]);
    }
    for (int op : best.extra) {
      prefix.add(h.ops[op]);
    }
    List<String> states = new ArrayList<>();
    for (int s : best.states) {
      states.add(h.describe(s));
    }
    int blocked = best.blocked >= 0 ? best.blocked : best.bound;
    return new Counterexample(key, prefix, blocked < n ? h.ops[blocked] : null, states);
  }
}
