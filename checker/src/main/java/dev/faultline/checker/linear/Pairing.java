package dev.faultline.checker.linear;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import dev.faultline.checker.history.Rules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs invokes with completions and applies the history's rules: which completions constrain the
 * search, which operations stay open, which are left out because they tell nothing.
 */
final class Pairing {
  /**
   * The operations the search must place, and how many operations the history holds in all.
   *
   * @param ops the operations that constrain the search, in invoke order, numbered from 0
   * @param invocations every invoke in the history, including those that tell nothing
   */
  record Paired(List<Operation> ops, int invocations) {}

  private Pairing() {}

  static Paired pair(List<Op> history, Model<?> model, Rules rules) {
    return pair(history, model, rules, Long.MAX_VALUE);
  }

  /**
   * As {@link #pair(List, Model, Rules)}, checking the clock as it goes.
   *
   * @throws OutOfTime when {@code deadlineNanos} passes first
   */
  static Paired pair(List<Op> history, Model<?> model, Rules rules, long deadlineNanos) {
    Map<Long, Integer> pending = new HashMap<>();
    List<Operation> ops = new ArrayList<>();
    int invocations = 0;
    for (int i = 0; i < history.size(); i++) {
      OutOfTime.check(i, deadlineNanos);
      Op op = history.get(i);
      if (op.type() == OpType.INVOKE) {
        invocations++;
        if (!model.functions().contains(op.f())) {
          throw HistoryException.at(
              where(op, i),
              "unknown function '"
                  + op.f()
                  + "' for the "
                  + model.name()
                  + " model, which knows "
                  + String.join(", ", model.functions())
                  + ".");
        }
        Integer previous = pending.put(op.process(), i);
        if (previous != null) {
          throw HistoryException.at(
              where(op, i),
              "process "
                  + op.process()
                  + " invokes "
                  + op.f()
                  + " while its "
                  + history.get(previous).f()
                  + " from "
                  + where(history.get(previous), previous)
                  + " is still pending.");
        }
        continue;
      }
      Integer inv = pending.remove(op.process());
      if (inv == null) {
        throw HistoryException.at(
            where(op, i),
            "a completion ("
                + op.type().name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + op.f()
                + ") for process "
                + op.process()
                + ", which has no pending invoke.");
      }
      Op invoke = history.get(inv);
      if (!invoke.f().equals(op.f())) {
        throw HistoryException.at(
            where(op, i),
            "process "
                + op.process()
                + " completes "
                + op.f()
                + " but invoked "
                + invoke.f()
                + " at "
                + where(invoke, inv)
                + ".");
      }
      Operation paired = complete(model, rules, invoke, inv, op, i);
      if (paired != null) {
        ops.add(paired);
      }
    }
    for (int inv : pending.values()) {
      Operation open = complete(model, rules, history.get(inv), inv, null, -1);
      if (open != null) {
        ops.add(open);
      }
    }
    ops.sort(Comparator.comparingInt(Operation::invokeIndex));
    List<Operation> numbered = new ArrayList<>(ops.size());
    for (Operation o : ops) {
      numbered.add(
          new Operation(
              numbered.size(),
              o.process(),
              o.f(),
              o.key(),
              o.value(),
              o.outcome(),
              o.invoke(),
              o.completion(),
              o.invokeIndex(),
              o.completionIndex()));
    }
    return new Paired(numbered, invocations);
  }

  /** The operation as the search sees it, or null when it constrains nothing. */
  private static Operation complete(
      Model<?> model, Rules rules, Op invoke, int inv, Op completion, int comp) {
    String f = invoke.f();
    boolean read = model.isRead(f);
    OpType type = completion == null ? OpType.INFO : completion.type();
    Outcome outcome;
    Object value = invoke.value();
    switch (type) {
      case OK -> {
        if (completion.value() != null) {
          value = completion.value();
        } else if (read && rules == Rules.JEPSEN) {
          return null;
        }
        outcome = Outcome.OK;
      }
      case FAIL -> {
        if (rules == Rules.JEPSEN || read || !model.failIsObservation(f)) {
          return null;
        }
        outcome = Outcome.FAILED;
      }
      default -> {
        if (read) {
          return null;
        }
        outcome = Outcome.UNKNOWN;
      }
    }
    value = normalize(value);
    String problem = model.checkValue(f, value, outcome);
    if (problem != null) {
      Op at = completion != null && outcome == Outcome.OK ? completion : invoke;
      throw HistoryException.at(where(at, outcome == Outcome.OK ? comp : inv), problem + ".");
    }
    boolean open = outcome == Outcome.UNKNOWN;
    return new Operation(
        -1,
        invoke.process(),
        f,
        normalize(invoke.key()),
        value,
        outcome,
        invoke,
        open ? null : completion,
        inv,
        open ? -1 : comp);
  }

  /**
   * Widens integers to {@code Long}, so that a history built with {@code Integer}s (as plain JSON
   * readers give) compares equal to one read from a file.
   */
  static Object normalize(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      boolean changed = false;
      for (Object e : list) {
        Object n = normalize(e);
        changed |= n != e;
        out.add(n);
      }
      return changed ? java.util.Collections.unmodifiableList(out) : v;
    }
    return v;
  }

  static String where(Op op, int index) {
    return op.source() != null ? op.source() : "entry " + (index + 1);
  }
}
