package dev.faultline.checker.linear;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a register history in O(n log n), without search, when every write and every cas target
 * (open operations included) writes a value of its own, different from the initial one.
 *
 * <p>Then each value has one possible writer, so a read names the write it saw (Gibbons and Korach,
 * "Testing shared memories", SIAM J. Computing 1997, read-mapped histories). A successful cas [a b]
 * must follow a's writer with nothing written between, so values form chains, each started by a
 * write (or the initial value) and continued by cas operations; a linearization orders the chains,
 * each in one piece. An open operation is dropped unless some completed operation needs the value
 * it writes; then it must have taken effect, at any time after its invoke. For each value v, with
 * writer p and readers R (reads of v; the cas that continues the chain belongs to the next value),
 * let A = inv(p), B = min ret over p and R (an open p never returns), E = max(A, max inv over R).
 * Placing a chain after others never lets it start before the largest E among them, and it must
 * start by its smallest B; so the chains can be ordered exactly when no earlier chain's E exceeds a
 * later chain's B. Gibbons and Korach's zones are these intervals: ordering the chains by min(B, E)
 * finds such an order whenever one exists (their theorem: only two chains whose zones clash can
 * block it).
 *
 * <p>Applies under Jepsen's rules (a failed cas is left out), and under Porcupine's when no cas
 * failed: a failed cas observes only that the register differs from a value, which this reasoning
 * does not cover, so such histories go to the search.
 */
final class UniqueValues implements KeyCheck {
  private static final long NEVER = Long.MAX_VALUE;
  private static final long ALWAYS = Long.MIN_VALUE;

  private final Plan plan;
  private final long deadlineNanos;
  private Search.End end;
  private Counterexample counterexample;
  private Object key;

  private UniqueValues(Plan plan, long deadlineNanos) {
    this.plan = plan;
    this.deadlineNanos = deadlineNanos;
  }

  /** The fast path for these operations, or null when some value is written twice. */
  static UniqueValues of(Operation[] ops, Object initial, long deadlineNanos) {
    Plan plan = Plan.of(ops, initial, deadlineNanos);
    return plan == null ? null : new UniqueValues(plan, deadlineNanos);
  }

  @Override
  public Search.End run(long quantum) {
    if (end == null) {
      end = decide();
    }
    return end;
  }

  @Override
  public Counterexample counterexample(Object k) {
    Counterexample c = counterexample;
    return c == null ? null : new Counterexample(k, c.prefix(), c.blocked(), c.candidateStates());
  }

  @Override
  public long configurations() {
    return plan.chains.size();
  }

  private boolean late() {
    return System.nanoTime() - deadlineNanos > 0;
  }

  private Search.End decide() {
    try {
      plan.problem = plan.linker.link(plan.chains, deadlineNanos);
    } catch (OutOfTime e) {
      return Search.End.OUT_OF_TIME;
    }
    if (plan.problem != null) {
      counterexample = plan.problem;
      return Search.End.NOT_LINEARIZABLE;
    }
    List<Chain> jobs = new ArrayList<>(plan.chains.size());
    for (Chain c : plan.chains) {
      if (late()) {
        return Search.End.OUT_OF_TIME;
      }
      Counterexample inside = c.measure();
      if (inside != null) {
        counterexample = inside;
        return Search.End.NOT_LINEARIZABLE;
      }
      jobs.add(c);
    }
    // The initial value's chain is first whatever its zone; the others by min(B, E).
    jobs.sort(Comparator.comparingLong((Chain c) -> c.initial ? ALWAYS : Math.min(c.start, c.end)));
    long reach = ALWAYS;
    Chain furthest = null;
    for (int j = 0; j < jobs.size(); j++) {
      if ((j & 1023) == 1023 && late()) {
        return Search.End.OUT_OF_TIME;
      }
      Chain c = jobs.get(j);
      if (reach > c.start) {
        counterexample = clash(jobs.subList(0, j), furthest, c);
        return Search.End.NOT_LINEARIZABLE;
      }
      if (c.end > reach) {
        reach = c.end;
        furthest = c;
      }
    }
    return Search.End.LINEARIZABLE;
  }

  /**
   * Chain c must start (by its deadline B) before {@code furthest} can end (its E): shown in time
   * order, the chains before c, {@code furthest} cut before its operations invoked after c's
   * deadline, then c; the operation of {@code furthest} invoked at its E is the one left blocked.
   */
  private static Counterexample clash(List<Chain> before, Chain furthest, Chain c) {
    List<Operation> prefix = new ArrayList<>();
    long time = ALWAYS;
    for (Chain done : before) {
      time =
          done == furthest ? done.expandBefore(time, c.start, prefix) : done.expand(time, prefix);
    }
    c.expand(time, prefix);
    Object now = c.values.get(c.values.size() - 1);
    return new Counterexample(
        null, prefix, furthest.firstInvokedFrom(c.start), List.of(Models.show(now)));
  }

  /** Values linked into chains, and what was found wrong before ordering them, if anything. */
  private static final class Plan {
    final List<Chain> chains = new ArrayList<>();
    ChainLinker linker;
    Counterexample problem;

    static Plan of(Operation[] ops, Object initial, long deadlineNanos) {
      Map<Object, Operation> writer = new HashMap<>();
      long n = 0;
      for (Operation op : ops) {
        OutOfTime.check(n++, deadlineNanos);
        if (op.outcome() == Outcome.FAILED) {
          return null;
        }
        if (!op.f().equals("read")) {
          Object v = written(op);
          if (java.util.Objects.equals(v, initial) || writer.put(key(v), op) != null) {
            return null;
          }
        }
      }
      Plan plan = new Plan();
      plan.linker = new ChainLinker(ops, initial, writer);
      return plan;
    }
  }

  static Object key(Object v) {
    return v == null ? Chain.NIL : v;
  }

  static Object written(Operation op) {
    return op.f().equals("cas") ? ((List<?>) op.value()).get(1) : op.value();
  }

  static Object expected(Operation op) {
    return ((List<?>) op.value()).get(0);
  }

  /** A chain of values: its writer and readers per value, and its zone once measured. */
  static final class Chain {
    static final Object NIL = new Object();
    final boolean initial;
    final List<Object> values = new ArrayList<>();
    final List<Operation> writers = new ArrayList<>();
    final List<List<Operation>> readers = new ArrayList<>();

    /** The latest the chain may start (B) and the earliest it may end (E). */
    long start = NEVER;

    long end = ALWAYS;

    Chain(boolean initial) {
      this.initial = initial;
    }

    /** Computes start and end, or returns why the chain cannot be placed in one piece. */
    Counterexample measure() {
      long reach = ALWAYS;
      for (int m = 0; m < values.size(); m++) {
        Operation w = writers.get(m);
        long a = w == null ? ALWAYS : w.invokeIndex();
        long b = w == null || w.isOpen() ? NEVER : w.completionIndex();
        long d = ALWAYS;
        Operation first = w;
        for (Operation r : readers.get(m)) {
          if (r.completionIndex() < b) {
            b = r.completionIndex();
            first = r;
          }
          d = Math.max(d, r.invokeIndex());
        }
        if (a > b || reach > b) {
          List<Operation> prefix = new ArrayList<>();
          Chain head = prefixOf(m);
          head.expand(ALWAYS, prefix);
          Object now = m == 0 ? null : values.get(m - 1);
          String state = m == 0 ? "without " + Models.show(values.get(0)) : Models.show(now);
          return new Counterexample(null, prefix, first, List.of(state));
        }
        start = Math.min(start, b);
        reach = Math.max(reach, Math.max(a, d));
      }
      end = reach;
      return null;
    }

    private Chain prefixOf(int m) {
      Chain c = new Chain(initial);
      c.values.addAll(values.subList(0, m));
      c.writers.addAll(writers.subList(0, m));
      c.readers.addAll(readers.subList(0, m));
      return c;
    }

    /** The chain's operations in a legal order, placed no earlier than {@code time}. */
    long expand(long time, List<Operation> out) {
      return expandBefore(time, NEVER, out);
    }

    /** As {@link #expand}, stopping at the first operation invoked at or after {@code limit}. */
    long expandBefore(long time, long limit, List<Operation> out) {
      long t = time;
      for (int m = 0; m < values.size(); m++) {
        Operation w = writers.get(m);
        if (w != null) {
          if (w.invokeIndex() >= limit) {
            return t;
          }
          t = Math.max(t, w.invokeIndex());
          out.add(w);
        }
        List<Operation> rs = new ArrayList<>(readers.get(m));
        long s = t;
        rs.sort(Comparator.comparingLong((Operation r) -> Math.max(s, r.invokeIndex())));
        for (Operation r : rs) {
          if (r.invokeIndex() >= limit) {
            continue;
          }
          t = Math.max(t, r.invokeIndex());
          out.add(r);
        }
      }
      return t;
    }

    /**
     * The earliest operation invoked at or after {@code limit}: the first that needs this chain's
     * value once a chain that must start by {@code limit} has overwritten it. Falls back to the one
     * invoked last.
     */
    Operation firstInvokedFrom(long limit) {
      Operation first = null;
      for (int m = 0; m < values.size(); m++) {
        List<Operation> all = new ArrayList<>(readers.get(m));
        if (writers.get(m) != null) {
          all.add(writers.get(m));
        }
        for (Operation op : all) {
          if (op.invokeIndex() >= limit
              && (first == null || op.invokeIndex() < first.invokeIndex())) {
            first = op;
          }
        }
      }
      return first == null ? lastInvoked() : first;
    }

    /** The operation invoked last (at the chain's E): it needs the chain's value latest. */
    Operation lastInvoked() {
      Operation last = null;
      for (int m = 0; m < values.size(); m++) {
        List<Operation> all = new ArrayList<>(readers.get(m));
        if (writers.get(m) != null) {
          all.add(writers.get(m));
        }
        for (Operation op : all) {
          if (last == null || op.invokeIndex() > last.invokeIndex()) {
            last = op;
          }
        }
      }
      return last;
    }
  }
}
