package dev.faultline.reports;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An operation of a history as a bar: a process's invoke paired with its completion.
 *
 * @param process the client process
 * @param f the function
 * @param key the key, or null
 * @param argument the invoke's value
 * @param result the completion's value, or null
 * @param outcome {@code OK}, {@code FAIL}, {@code INFO}, or {@code OPEN} when it never completed
 * @param startMicros the invoke's virtual time
 * @param endMicros the completion's virtual time, or the end of the run when it never completed
 */
record OpSpan(
    long process,
    String f,
    Object key,
    Object argument,
    Object result,
    String outcome,
    long startMicros,
    long endMicros) {

  long latencyMicros() {
    return endMicros - startMicros;
  }

  /** A short label such as {@code write k1 3 -> ok}. */
  String label() {
    StringBuilder sb = new StringBuilder(f);
    if (key != null) {
      sb.append(' ').append(key);
    }
    if (argument != null) {
      sb.append(' ').append(argument);
    }
    sb.append(" \u2192 ").append(outcome.toLowerCase(java.util.Locale.ROOT));
    if (result != null && !result.equals(argument)) {
      sb.append(' ').append(result);
    }
    return sb.toString();
  }

  /**
   * Pairs each invoke with the next completion of the same process, in history order. Entries
   * without a time are placed at zero; an invoke left open ends at {@code endMicros}.
   */
  static List<OpSpan> pair(List<Op> history, long endMicros) {
    List<OpSpan> out = new ArrayList<>();
    Map<Long, Op> open = new TreeMap<>();
    Map<Long, Integer> slot = new TreeMap<>();
    List<Op> invokes = new ArrayList<>();
    for (Op op : history) {
      if (op.type() == OpType.INVOKE) {
        open.put(op.process(), op);
        slot.put(op.process(), invokes.size());
        invokes.add(op);
        out.add(null);
        continue;
      }
      Op inv = open.remove(op.process());
      if (inv == null) {
        continue; // a completion without an invoke: the checker reports such histories
      }
      out.set(slot.remove(op.process()), span(inv, op, endMicros));
    }
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) == null) {
        out.set(i, span(invokes.get(i), null, endMicros));
      }
    }
    return out;
  }

  private static OpSpan span(Op inv, Op done, long endMicros) {
    long start = Math.max(0, inv.timeNanos()) / 1000;
    long end = done == null ? Math.max(start, endMicros) : Math.max(0, done.timeNanos()) / 1000;
    String outcome = done == null ? "OPEN" : done.type().name();
    return new OpSpan(
        inv.process(),
        inv.f(),
        inv.key(),
        inv.value(),
        done == null ? null : done.value(),
        outcome,
        start,
        Math.max(start, end));
  }
}
