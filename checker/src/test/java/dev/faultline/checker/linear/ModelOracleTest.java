package dev.faultline.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.Rules;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search against a brute force over every order for the queue, set and mutex models, on random
 * small histories with crashed and pending operations. The brute force steps the same model, so
 * this checks the search (open operations, memo, twins), not the models' rules.
 */
class ModelOracleTest {
  private static final int HISTORIES = 1500;

  @Test
  void queueHistoriesAgree() {
    agree("queue", 11);
  }

  @Test
  void setHistoriesAgree() {
    agree("set", 12);
  }

  @Test
  void mutexHistoriesAgree() {
    agree("mutex", 13);
  }

  private static void agree(String name, long seed) {
    Random random = new Random(seed);
    Model<?> model = Models.byName(name, null);
    int[] verdicts = new int[2];
    for (int i = 0; i < HISTORIES; i++) {
      List<Op> history = generate(name, random);
      boolean expected = bruteForce(history, model);
      CheckResult r = Linearizability.check(history, model, CheckOptions.defaults());
      assertEquals(
          expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE,
          r.verdict(),
          () -> name + " seed " + seed + ":\n" + OracleTest.show(history));
      verdicts[expected ? 0 : 1]++;
    }
    assertTrue(
        verdicts[0] > HISTORIES / 10 && verdicts[1] > HISTORIES / 10,
        name + ": " + verdicts[0] + " linearizable, " + verdicts[1] + " not");
  }

  /** Runs a real object; each operation takes effect at a random moment, or its result is wrong. */
  private static List<Op> generate(String name, Random random) {
    List<Op> history = new ArrayList<>();
    Deque<Long> queue = new ArrayDeque<>();
    List<Long> set = new ArrayList<>();
    boolean[] held = {false};
    String[] pending = new String[3];
    Object[] result = new Object[3];
    long[] process = {0, 1, 2};
    int target = 4 + random.nextInt(5);
    int invoked = 0;
    for (int guard = 0; guard < 100; guard++) {
      int p = random.nextInt(3);
      if (pending[p] == null) {
        if (invoked == target) {
          break;
        }
        invoked++;
        String f = function(name, random);
        Object arg =
            f.equals("enqueue") || f.equals("add") ? (Object) (long) random.nextInt(3) : null;
        pending[p] = f;
        result[p] = arg;
        history.add(Op.invoke(process[p], f, null, arg, -1));
        Object effect = apply(f, arg, queue, set, held);
        result[p] =
            effect == NOT_APPLIED
                ? NOT_APPLIED
                : f.equals("enqueue") || f.equals("add") ? arg : effect;
      } else {
        int roll = random.nextInt(10);
        String f = pending[p];
        if (roll < 2) {
          history.add(Op.info(process[p], f, null, null, -1));
          process[p] += 3;
        } else if (result[p] == NOT_APPLIED) {
          // Now and then a lock claims a success it did not have.
          history.add(
              roll == 9
                  ? Op.ok(process[p], f, null, null, -1)
                  : Op.fail(process[p], f, null, null, -1));
        } else {
          Object v = result[p];
          if (roll == 9 && !f.equals("enqueue") && !f.equals("add")) {
            v =
                f.equals("read")
                    ? List.of((long) random.nextInt(3))
                    : (Object) (long) random.nextInt(3);
          }
          history.add(Op.ok(process[p], f, null, v, -1));
        }
        pending[p] = null;
      }
    }
    return history;
  }

  private static final Object NOT_APPLIED = new Object();

  private static String function(String name, Random random) {
    boolean first = random.nextBoolean();
    return switch (name) {
      case "queue" -> first ? "enqueue" : "dequeue";
      case "set" -> first ? "add" : "read";
      default -> first ? "acquire" : "release";
    };
  }

  /** Applies the operation at once, as the real object would; NOT_APPLIED when it cannot. */
  private static Object apply(
      String f, Object arg, Deque<Long> queue, List<Long> set, boolean[] held) {
    switch (f) {
      case "enqueue":
        queue.addLast((Long) arg);
        return null;
      case "dequeue":
        return queue.isEmpty() ? null : queue.removeFirst();
      case "add":
        if (!set.contains(arg)) {
          set.add((Long) arg);
        }
        return null;
      case "read":
        return List.copyOf(set);
      case "acquire":
        if (held[0]) {
          return NOT_APPLIED;
        }
        held[0] = true;
        return null;
      default:
        if (!held[0]) {
          return NOT_APPLIED;
        }
        held[0] = false;
        return null;
    }
  }

  /** Every real-time-respecting order of the operations, each open one placed or left out. */
  private static <S> boolean bruteForce(List<Op> history, Model<S> model) {
    List<Operation> ops = Pairing.pair(history, model, Rules.JEPSEN).ops();
    return search(ops, new boolean[ops.size()], model.init(), model);
  }

  private static <S> boolean search(
      List<Operation> ops, boolean[] placed, S state, Model<S> model) {
    int firstReturn = Integer.MAX_VALUE;
    for (int i = 0; i < ops.size(); i++) {
      if (!placed[i] && !ops.get(i).isOpen()) {
        firstReturn = Math.min(firstReturn, ops.get(i).completionIndex());
      }
    }
    if (firstReturn == Integer.MAX_VALUE) {
      return true;
    }
    for (int i = 0; i < ops.size(); i++) {
      if (placed[i] || ops.get(i).invokeIndex() > firstReturn) {
        continue;
      }
      S next = model.step(state, ops.get(i));
      if (next != null) {
        placed[i] = true;
        boolean ok = search(ops, placed, next, model);
        placed[i] = false;
        if (ok) {
          return true;
        }
      }
    }
    return false;
  }
}
