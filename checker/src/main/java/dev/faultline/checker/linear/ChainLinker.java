package dev.faultline.checker.linear;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links the values of a unique-value register history into the chains {@link UniqueValues} orders:
 * finds which open operations must have taken effect (some completed operation needs what they
 * wrote), pairs each value with the one cas that may continue from it, and follows each chain from
 * its write (or from the initial value). Reports the first thing no order can mend: a value read or
 * expected that nothing writes, two cas expecting one value, a cas whose expected value is never
 * current.
 */
final class ChainLinker {
  private final Operation[] ops;
  private final Object initial;
  private final Map<Object, Operation> writer;
  private final Map<Object, List<Operation>> reads = new HashMap<>();
  private final Set<Object> needed = new HashSet<>();
  private final Set<Operation> active = new HashSet<>();
  private final Map<Object, Operation> continuation = new LinkedHashMap<>();
  private long deadlineNanos;
  private long steps;

  ChainLinker(Operation[] ops, Object initial, Map<Object, Operation> writer) {
    this.ops = ops;
    this.initial = initial;
    this.writer = writer;
  }

  /**
   * Fills {@code chains}; returns why the history is not linearizable, or null.
   *
   * @throws OutOfTime when the deadline passes first
   */
  Counterexample link(List<UniqueValues.Chain> chains, long deadline) {
    this.deadlineNanos = deadline;
    Counterexample problem = activate();
    if (problem == null) {
      problem = pair();
    }
    if (problem == null) {
      problem = follow(chains);
    }
    return problem;
  }

  /** Marks completed operations, and open writers whose values completed operations need. */
  private Counterexample activate() {
    Deque<Object> work = new ArrayDeque<>();
    Map<Object, Operation> firstNeed = new HashMap<>();
    for (Operation op : ops) {
      tick();
      if (op.isOpen()) {
        continue;
      }
      active.add(op);
      Object need = null;
      if (op.f().equals("read")) {
        reads.computeIfAbsent(UniqueValues.key(op.value()), k -> new ArrayList<>()).add(op);
        need = op.value();
      } else if (op.f().equals("cas")) {
        need = UniqueValues.expected(op);
      } else {
        continue;
      }
      Object k = UniqueValues.key(need);
      Operation was = firstNeed.get(k);
      if (was == null || op.completionIndex() < was.completionIndex()) {
        firstNeed.put(k, op);
      }
      if (needed.add(k)) {
        work.add(k);
      }
    }
    while (!work.isEmpty()) {
      tick();
      Object k = work.poll();
      if (k.equals(UniqueValues.key(initial))) {
        continue;
      }
      Operation w = writer.get(k);
      if (w == null) {
        Operation blocked = firstNeed.get(k);
        return new Counterexample(null, List.of(), blocked, List.of(Models.show(initial)));
      }
      if (active.add(w) && w.f().equals("cas")) {
        Object from = UniqueValues.key(UniqueValues.expected(w));
        firstNeed.putIfAbsent(from, w);
        if (needed.add(from)) {
          work.add(from);
        }
      }
    }
    return null;
  }

  /** Pairs each value with the one active cas that expects it. */
  private Counterexample pair() {
    for (Operation op : ops) {
      tick();
      if (!active.contains(op) || !op.f().equals("cas")) {
        continue;
      }
      Object k = UniqueValues.key(UniqueValues.expected(op));
      Operation other = continuation.putIfAbsent(k, op);
      if (other != null) {
        Operation first = returnsFirst(other, op) ? other : op;
        Operation second = first == op ? other : op;
        List<Operation> prefix = new ArrayList<>();
        Operation w = writer.get(k);
        if (w != null) {
          prefix.add(w);
        }
        prefix.add(first);
        String now = Models.show(UniqueValues.written(first));
        return new Counterexample(null, prefix, second, List.of(now));
      }
    }
    return null;
  }

  private void tick() {
    OutOfTime.check(steps++, deadlineNanos);
  }

  private static boolean returnsFirst(Operation a, Operation b) {
    long ra = a.isOpen() ? Long.MAX_VALUE : a.completionIndex();
    long rb = b.isOpen() ? Long.MAX_VALUE : b.completionIndex();
    return ra <= rb;
  }

  /** Follows every chain from its head; an active cas no chain reaches can never take effect. */
  private Counterexample follow(List<UniqueValues.Chain> chains) {
    Set<Operation> reached = new HashSet<>();
    chains.add(chain(true, initial, null, reached));
    for (Operation op : ops) {
      tick();
      if (active.contains(op) && op.f().equals("write")) {
        chains.add(chain(false, op.value(), op, reached));
      }
    }
    for (Operation op : ops) {
      tick();
      if (active.contains(op) && op.f().equals("cas") && !reached.contains(op)) {
        return new Counterexample(null, List.of(), op, List.of(Models.show(initial)));
      }
    }
    return null;
  }

  private UniqueValues.Chain chain(boolean init, Object head, Operation w, Set<Operation> reached) {
    UniqueValues.Chain c = new UniqueValues.Chain(init);
    Object v = head;
    Operation by = w;
    while (true) {
      tick();
      c.values.add(v);
      c.writers.add(by);
      c.readers.add(reads.getOrDefault(UniqueValues.key(v), List.of()));
      Operation next = continuation.get(UniqueValues.key(v));
      if (next == null || !reached.add(next)) {
        return c;
      }
      by = next;
      v = UniqueValues.written(next);
    }
  }
}
