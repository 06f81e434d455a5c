package dev.faultline.checker.linear;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The linearizability checker: is there an order of a history's operations, each placed between its
 * invoke and its completion, that the model accepts?
 *
 * <p>Operations whose outcome is unknown ({@code info}, or never completed) may take effect at any
 * time after their invoke, or never. Keys are checked one at a time unless the options say
 * otherwise. The check is single-threaded and reads the clock only to keep its time limit. Its
 * memory is bounded by a cap on the configurations it remembers (sized from the free heap unless
 * the options give one); when time or that cap runs out, or the heap does after all, the verdict is
 * UNKNOWN with the reason, never an error.
 */
public final class Linearizability {
  private Linearizability() {}

  /**
   * Checks {@code history} (entries in the order they happened) against {@code model}.
   *
   * @throws HistoryException when the history is malformed: a completion with no invoke, a second
   *     invoke while one is pending, a function the model does not know, a value of the wrong shape
   */
  public static CheckResult check(List<Op> history, Model<?> model, CheckOptions options) {
    long start = System.nanoTime();
    long deadline =
        options.timeLimit() == null
            ? start + Long.MAX_VALUE / 2
            : start + Math.max(1, options.timeLimit().toNanos());
    try {
      Pairing.Paired paired = Pairing.pair(history, model, options.rules(), deadline);
      return run(paired, model, options, deadline);
    } catch (OutOfTime e) {
      return new CheckResult(Verdict.UNKNOWN, invocations(history), null, outOfTime(0, null), 0);
    }
  }

  private static <S> CheckResult run(
      Pairing.Paired paired, Model<S> model, CheckOptions options, long deadline) {
    Map<Object, List<Operation>> groups = new LinkedHashMap<>();
    List<Object> keys = new ArrayList<>();
    Set<Object> seenKeys = new HashSet<>();
    long n = 0;
    for (Operation op : paired.ops()) {
      OutOfTime.check(n++, deadline);
      if (!seenKeys.contains(op.key())) {
        seenKeys.add(op.key());
        keys.add(op.key());
      }
      groups.computeIfAbsent(options.partition() ? op.key() : "", k -> new ArrayList<>()).add(op);
    }
    boolean product = !options.partition() && keys.size() > 1;
    List<KeyCheck> searches = new ArrayList<>();
    List<Object> searchKeys = new ArrayList<>();
    int maxWords = 1;
    for (Map.Entry<Object, List<Operation>> group : groups.entrySet()) {
      Operation[] local = completedFirst(group.getValue());
      int completed = 0;
      while (completed < local.length && !local[completed].isOpen()) {
        completed++;
      }
      maxWords =
          Math.max(maxWords, ((completed + 63) >>> 6) + ((local.length - completed + 63) >>> 6));
      searchKeys.add(options.partition() ? group.getKey() : null);
      searches.add(null);
    }
    Memo.Budget budget =
        new Memo.Budget(
            options.maxMemoEntries() > 0 ? options.maxMemoEntries() : Long.MAX_VALUE,
            freeHeapHalf());
    int i = 0;
    for (List<Operation> group : groups.values()) {
      OutOfTime.check(4095, deadline);
      searches.set(i++, check(group, model, product, keys, budget, deadline));
    }
    return roundRobin(searches, searchKeys, paired.invocations());
  }

  /**
   * Runs the keys' searches in turns of doubling length, so that a key that is quickly shown not
   * linearizable is found even when another key would take a long time to decide.
   */
  private static CheckResult roundRobin(
      List<KeyCheck> searches, List<Object> keys, int invocations) {
    long configurations = 0;
    String unknown = null;
    long quantum = 1 << 14;
    while (!searches.isEmpty()) {
      for (int i = 0; i < searches.size(); ) {
        KeyCheck search = searches.get(i);
        Object key = keys.get(i);
        Search.End end;
        try {
          end = search.run(quantum);
        } catch (OutOfMemoryError e) {
          // A last resort: the memo cap should stop the search first. Drop every search at once.
          long reached = configurations + search.configurations();
          searches.clear();
          return new CheckResult(
              Verdict.UNKNOWN,
              invocations,
              null,
              "the JVM ran out of heap after "
                  + reached
                  + " configurations (give it more with -Xmx)",
              reached);
        }
        if (end == Search.End.PAUSED) {
          i++;
          continue;
        }
        configurations += search.configurations();
        searches.remove(i);
        keys.remove(i);
        switch (end) {
          case NOT_LINEARIZABLE -> {
            return new CheckResult(
                Verdict.NOT_LINEARIZABLE,
                invocations,
                search.counterexample(key),
                null,
                configurations);
          }
          case OUT_OF_TIME ->
              unknown = unknown != null ? unknown : outOfTime(search.configurations(), key);
          case OUT_OF_MEMORY ->
              unknown =
                  unknown != null
                      ? unknown
                      : "the search reached its memory cap after "
                          + search.configurations()
                          + " configurations"
                          + (key == null ? "" : " on key " + Models.show(key))
                          + " (give the JVM more heap with -Xmx)";
          default -> {}
        }
      }
      quantum = Math.min(quantum * 2, 1L << 40);
    }
    return unknown == null
        ? new CheckResult(Verdict.LINEARIZABLE, invocations, null, null, configurations)
        : new CheckResult(Verdict.UNKNOWN, invocations, null, unknown, configurations);
  }

  /** The check for one key: the register search where it applies, else the general search. */
  private static <S> KeyCheck check(
      List<Operation> group,
      Model<S> model,
      boolean product,
      List<Object> keys,
      Memo.Budget budget,
      long deadline) {
    if (!product && RegisterHistory.applies(model)) {
      Operation[] local = group.toArray(new Operation[0]);
      Object initial = ((RegisterModel) model).init().value();
      UniqueValues unique = UniqueValues.of(local, initial, deadline);
      if (unique != null) {
        return unique;
      }
      RegisterHistory h = new RegisterHistory(local, initial);
      int[] overwritten = OverwrittenReads.find(h);
      if (overwritten != null) {
        return OverwrittenReads.decided(h, overwritten);
      }
      return new RegisterCheck(
          h, budget, deadline, () -> compile(group, model, product, keys, budget, deadline));
    }
    return compile(group, model, product, keys, budget, deadline);
  }

  private static <S> Search compile(
      List<Operation> group,
      Model<S> model,
      boolean product,
      List<Object> keys,
      Memo.Budget budget,
      long deadline) {
    Operation[] local = completedFirst(group);
    int completed = 0;
    while (completed < local.length && !local[completed].isOpen()) {
      completed++;
    }
    StateSpace space = new SingleSpace<>(model, local);
    if (product) {
      int[] keyOf = new int[local.length];
      for (int i = 0; i < local.length; i++) {
        keyOf[i] = keys.indexOf(local[i].key());
      }
      space = new ProductSpace((SingleSpace<?>) space, keyOf, keys);
    }
    return new Search(local, completed, space, budget, deadline);
  }

  private static int invocations(List<Op> history) {
    int n = 0;
    for (Op op : history) {
      if (op.type() == dev.faultline.checker.history.OpType.INVOKE) {
        n++;
      }
    }
    return n;
  }

  private static String outOfTime(long configurations, Object key) {
    return "the time limit ran out after "
        + configurations
        + " configurations"
        + (key == null ? "" : " on key " + Models.show(key));
  }

  private static Operation[] completedFirst(List<Operation> ops) {
    List<Operation> sorted = new ArrayList<>(ops.size());
    for (Operation op : ops) {
      if (!op.isOpen()) {
        sorted.add(op);
      }
    }
    for (Operation op : ops) {
      if (op.isOpen()) {
        sorted.add(op);
      }
    }
    return sorted.toArray(new Operation[0]);
  }

  /** The memos' cap in bytes: about half of the heap still free. */
  private static long freeHeapHalf() {
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    return Math.max(1 << 20, free / 2);
  }
}
