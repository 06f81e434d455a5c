package dev.faultline.checker.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wing and Gong's search with Lowe's memo, over one sub-history compiled to primitive arrays.
 *
 * <p>Completed operations have a call and a return entry in one doubly linked list ordered by
 * history position; open operations (no return) have only a call entry, in a second list. The
 * search places completed operations first and reaches for an open one only when the next return
 * blocks, so that configurations with few open operations placed are entered first and make those
 * with more redundant (see {@link Memo}). It succeeds as soon as every completed operation is
 * placed: open ones may take effect later or never. Of several identical open operations, the one
 * invoked first is always placed first, since exchanging them changes nothing.
 */
final class Search implements KeyCheck {
  /** How a search ended. */
  enum End {
    LINEARIZABLE,
    NOT_LINEARIZABLE,
    OUT_OF_TIME,
    OUT_OF_MEMORY,
    PAUSED
  }

  private static final int MAIN = 0;
  private static final int OPEN = 1;
  private static final int NIL = -1;

  private final Operation[] ops;
  private final int completed;
  private final StateSpace space;
  private final Memo memo;
  private final long deadlineNanos;
  private final int[] twinPrev;
  private final int[] wordOf;
  private final long[] bitOf;
  private final long[] zobrist;
  private final int[] next;
  private final int[] prev;
  private final int[] code;
  private final int[] pos;
  private final int[] match;
  private final long[] lin;
  private final int[] stackEntry;
  private final int[] stackState;
  private final int[] stackBound;
  private int sp;
  private int remaining;
  private int state;
  private long hash;
  private int entry;
  private boolean inOpen;
  private int bound;
  private int bestDepth = -1;
  private long bestHash;
  private int[] bestPrefix = new int[0];
  private final List<Integer> bestStates = new ArrayList<>();

  /**
   * @param ops the sub-history's operations, completed ones first (ids 0..completed-1), then open
   */
  Search(Operation[] ops, int completed, StateSpace space, Memo.Budget budget, long deadlineNanos) {
    this.ops = ops;
    this.completed = completed;
    this.space = space;
    this.deadlineNanos = deadlineNanos;
    int n = ops.length;
    int completedWords = (completed + 63) >>> 6;
    int openWords = (n - completed + 63) >>> 6;
    this.memo =
        new Memo(completedWords, openWords, budget, () -> System.nanoTime() - deadlineNanos > 0);
    this.lin = new long[completedWords + openWords];
    this.wordOf = new int[n];
    this.bitOf = new long[n];
    this.zobrist = new long[n];
    long seed = 0x5DEECE66DL;
    for (int i = 0; i < n; i++) {
      int bit = i < completed ? i : (completedWords << 6) + (i - completed);
      wordOf[i] = bit >>> 6;
      bitOf[i] = 1L << (bit & 63);
      seed = Hashing.mix(seed + 0x9E3779B97F4A7C15L);
      zobrist[i] = i < completed ? seed : 0;
    }
    this.twinPrev = twins(ops, completed);
    int entries = 2 + completed * 2 + (n - completed);
    this.next = new int[entries];
    this.prev = new int[entries];
    this.code = new int[entries];
    this.pos = new int[entries];
    this.match = new int[entries];
    link();
    this.stackEntry = new int[n];
    this.stackState = new int[n];
    this.stackBound = new int[n];
    this.remaining = completed;
    this.entry = next[MAIN];
    note(0, 0, 0);
  }

  private static int[] twins(Operation[] ops, int completed) {
    int[] twin = new int[ops.length];
    Arrays.fill(twin, -1);
    Map<List<Object>, Integer> last = new HashMap<>();
    for (int i = completed; i < ops.length; i++) {
      Integer previous = last.put(Arrays.asList(ops[i].f(), ops[i].key(), ops[i].value()), i);
      twin[i] = previous == null ? -1 : previous;
    }
    return twin;
  }

  /** Builds both entry lists, each in history order. */
  private void link() {
    int n = ops.length;
    long[] events = new long[completed * 2 + (n - completed)];
    int k = 0;
    for (int i = 0; i < n; i++) {
      events[k++] = ((long) ops[i].invokeIndex() << 32) | (i << 1);
      if (i < completed) {
        events[k++] = ((long) ops[i].completionIndex() << 32) | (i << 1) | 1;
      }
    }
    Arrays.sort(events);
    int[] callEntry = new int[n];
    int tailMain = MAIN;
    int tailOpen = OPEN;
    next[MAIN] = NIL;
    next[OPEN] = NIL;
    int e = 2;
    for (long ev : events) {
      int op = (int) (ev & 0xffffffffL) >>> 1;
      boolean isReturn = (ev & 1) == 1;
      code[e] = isReturn ? ~op : op;
      pos[e] = (int) (ev >>> 32);
      match[e] = NIL;
      if (isReturn) {
        match[callEntry[op]] = e;
      } else {
        callEntry[op] = e;
      }
      int tail = op >= completed ? tailOpen : tailMain;
      next[tail] = e;
      prev[e] = tail;
      next[e] = NIL;
      if (op >= completed) {
        tailOpen = e;
      } else {
        tailMain = e;
      }
      e++;
    }
  }

  private void lift(int e) {
    unlink(e);
    int r = match[e];
    if (r != NIL) {
      unlink(r);
    }
  }

  private void unlink(int e) {
    int p = prev[e];
    int q = next[e];
    next[p] = q;
    if (q != NIL) {
      prev[q] = p;
    }
  }

  private void unlift(int e) {
    int r = match[e];
    if (r != NIL) {
      relink(r);
    }
    relink(e);
  }

  private void relink(int e) {
    next[prev[e]] = e;
    int q = next[e];
    if (q != NIL) {
      prev[q] = e;
    }
  }

  /**
   * Runs the search for up to {@code quantum} steps: to a verdict, out of time or memory, or
   * PAUSED, to be resumed by the next call.
   *
   * <p>One loop over locals, longer than our usual method: this is the hot path, and keeping the
   * cursor, state and hash in locals lets the JIT hold them in registers.
   */
  @Override
  public End run(long quantum) {
    if (remaining == 0) {
      return End.LINEARIZABLE;
    }
    int state = this.state;
    long h = this.hash;
    int entry = this.entry;
    boolean inOpen = this.inOpen;
    int bound = this.bound;
    for (long steps = 1; ; steps++) {
      if ((steps & 1023) == 0) {
        if (System.nanoTime() - deadlineNanos > 0) {
          return End.OUT_OF_TIME;
        }
        if (steps >= quantum) {
          this.state = state;
          this.hash = h;
          this.entry = entry;
          this.inOpen = inOpen;
          this.bound = bound;
          return End.PAUSED;
        }
      }
      if (!inOpen && code[entry] < 0) {
        // The first pending return: open operations invoked before it may be placed now.
        bound = pos[entry];
        inOpen = true;
        entry = next[OPEN];
        continue;
      }
      if (inOpen && (entry == NIL || pos[entry] > bound)) {
        if (sp == 0) {
          return End.NOT_LINEARIZABLE;
        }
        sp--;
        int e = stackEntry[sp];
        int op = code[e];
        state = stackState[sp];
        bound = stackBound[sp];
        h ^= zobrist[op];
        lin[wordOf[op]] &= ~bitOf[op];
        unlift(e);
        if (op < completed) {
          remaining++;
        }
        inOpen = op >= completed;
        entry = next[e];
        continue;
      }
      int op = code[entry];
      int twin = twinPrev[op];
      if (twin < 0 || (lin[wordOf[twin]] & bitOf[twin]) != 0) {
        int ns = space.step(state, op);
        if (ns >= 0 && (op < completed || ns != state)) {
          int w = wordOf[op];
          lin[w] |= bitOf[op];
          long nh = h ^ zobrist[op];
          int entered = memo.enter(nh, ns, lin);
          if (entered == Memo.ENTERED) {
            stackEntry[sp] = entry;
            stackState[sp] = state;
            stackBound[sp] = bound;
            sp++;
            state = ns;
            h = nh;
            lift(entry);
            if (op < completed && --remaining == 0) {
              return End.LINEARIZABLE;
            }
            note(completed - remaining, h, state);
            entry = next[MAIN];
            inOpen = false;
            continue;
          }
          lin[w] &= ~bitOf[op];
          if (entered == Memo.FULL) {
            return End.OUT_OF_MEMORY;
          }
          if (entered == Memo.LATE) {
            return End.OUT_OF_TIME;
          }
        }
      }
      entry = next[entry];
    }
  }

  /** Remembers the deepest configuration, for the counterexample. */
  private void note(int depth, long h, int state) {
    if (depth > bestDepth) {
      bestDepth = depth;
      bestHash = h;
      bestPrefix = new int[sp];
      for (int i = 0; i < sp; i++) {
        bestPrefix[i] = code[stackEntry[i]];
      }
      bestStates.clear();
      bestStates.add(state);
    } else if (depth == bestDepth
        && h == bestHash
        && bestStates.size() < 8
        && !bestStates.contains(state)) {
      bestStates.add(state);
    }
  }

  /** After NOT_LINEARIZABLE: the deepest configuration reached, and what blocked it. */
  @Override
  public Counterexample counterexample(Object key) {
    List<Operation> prefix = new ArrayList<>(bestPrefix.length);
    boolean[] placed = new boolean[ops.length];
    for (int op : bestPrefix) {
      prefix.add(ops[op]);
      placed[op] = true;
    }
    Operation blocked = null;
    for (int i = 0; i < completed; i++) {
      if (!placed[i] && (blocked == null || ops[i].completionIndex() < blocked.completionIndex())) {
        blocked = ops[i];
      }
    }
    List<String> states = new ArrayList<>();
    for (int s : bestStates) {
      states.add(space.describe(s));
    }
    return new Counterexample(key, prefix, blocked, states);
  }

  /** How many configurations the memo holds. */
  @Override
  public long configurations() {
    return memo.size();
  }
}
