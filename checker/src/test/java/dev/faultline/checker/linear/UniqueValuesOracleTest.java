package dev.faultline.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import dev.faultline.checker.history.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random small register histories in which every write and cas writes a value of its own, with
 * crashed (info) and never-completed operations, judged by the checker (which takes its
 * unique-value path on them) and by an exhaustive search written here, which shares no code with
 * either the fast path or the search.
 */
class UniqueValuesOracleTest {
  private static final int HISTORIES = 6000;

  @Test
  void theUniqueValuePathAgreesWithExhaustiveSearchOnReadWriteHistories() {
    agree(false, 21);
  }

  @Test
  void theUniqueValuePathAgreesWithExhaustiveSearchOnCasHistories() {
    agree(true, 22);
  }

  private static void agree(boolean cas, long seed) {
    Random random = new Random(seed);
    int[] verdicts = new int[2];
    Model<?> model = cas ? Models.casRegister(0L) : Models.register(0L);
    for (int i = 0; i < HISTORIES; i++) {
      List<Op> history = history(random, cas);
      Pairing.Paired paired = Pairing.pair(history, model, Rules.JEPSEN);
      assertNotNull(
          UniqueValues.of(paired.ops().toArray(new Operation[0]), 0L, Long.MAX_VALUE),
          "the unique-value path applies");
      boolean expected = Exhaustive.linearizable(history);
      CheckResult r = Linearizability.check(history, model, CheckOptions.defaults());
      Verdict want = expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE;
      assertEquals(want, r.verdict(), () -> "seed " + seed + ", history:\n" + show(history));
      if (!expected) {
        assertNotNull(r.counterexample().blocked(), "a violation names what cannot be placed");
      }
      verdicts[expected ? 0 : 1]++;
    }
    assertTrue(
        verdicts[0] > HISTORIES / 8 && verdicts[1] > HISTORIES / 8,
        "both verdicts occur: " + verdicts[0] + " linearizable, " + verdicts[1] + " not");
  }

  /**
   * Up to 9 operations on 4 processes against a real register starting at 0; each write or cas
   * writes the next fresh value. Operations take effect at a random moment, crash (info) or stay
   * pending; then, in two histories out of three, one read or cas result is changed.
   */
  private static List<Op> history(Random random, boolean cas) {
    List<Op> out = new ArrayList<>();
    int processes = 4;
    long[] pid = {0, 1, 2, 3};
    String[] f = new String[processes];
    Object[] arg = new Object[processes];
    Object[] result = new Object[processes];
    int[] phase = new int[processes];
    long register = 0;
    long fresh = 1;
    int target = 3 + random.nextInt(7);
    int invoked = 0;
    for (int step = 0; step < 200; step++) {
      int p = random.nextInt(processes);
      if (phase[p] == 0 && invoked < target) {
        invoked++;
        int kind = random.nextInt(cas ? 3 : 2);
        f[p] = kind == 0 ? "read" : kind == 1 ? "write" : "cas";
        long expected = random.nextBoolean() ? register : random.nextInt((int) fresh);
        arg[p] = kind == 0 ? null : kind == 1 ? (Object) fresh++ : List.of(expected, fresh++);
        out.add(Op.invoke(pid[p], f[p], null, arg[p], -1));
        phase[p] = 1;
      } else if (phase[p] == 1 && random.nextInt(3) != 0) {
        switch (f[p]) {
          case "read" -> result[p] = register;
          case "write" -> register = (Long) arg[p];
          default -> {
            List<?> pair = (List<?>) arg[p];
            result[p] = Objects.equals(register, pair.get(0));
            if ((Boolean) result[p]) {
              register = (Long) pair.get(1);
            }
          }
        }
        phase[p] = 2;
      } else if (phase[p] != 0 && random.nextInt(4) != 0) {
        complete(random, out, p, pid, f, arg, result, phase[p] == 2);
        phase[p] = 0;
      }
    }
    corrupt(random, out);
    return out;
  }

  private static void complete(
      Random random,
      List<Op> out,
      int p,
      long[] pid,
      String[] f,
      Object[] arg,
      Object[] result,
      boolean tookEffect) {
    if (random.nextInt(5) == 0) {
      out.add(Op.info(pid[p], f[p], null, arg[p], -1));
      pid[p] += 4;
    } else if (!tookEffect || (f[p].equals("cas") && Boolean.FALSE.equals(result[p]))) {
      out.add(Op.fail(pid[p], f[p], null, arg[p], -1));
    } else {
      out.add(Op.ok(pid[p], f[p], null, f[p].equals("read") ? result[p] : arg[p], -1));
    }
  }

  private static void corrupt(Random random, List<Op> history) {
    if (random.nextInt(3) == 0) {
      return;
    }
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      Op op = history.get(i);
      if (op.type() != OpType.INVOKE && !op.f().equals("write")) {
        at.add(i);
      }
    }
    if (at.isEmpty()) {
      return;
    }
    int i = at.get(random.nextInt(at.size()));
    Op op = history.get(i);
    if (op.f().equals("read") && op.type() == OpType.OK) {
      long other = random.nextInt(4);
      history.set(i, Op.ok(op.process(), "read", null, other, -1));
    } else if (op.f().equals("cas")) {
      OpType flipped = op.type() == OpType.OK ? OpType.FAIL : OpType.OK;
      history.set(i, new Op(op.process(), flipped, "cas", null, op.value(), -1, null));
    }
  }

  private static String show(List<Op> history) {
    StringBuilder sb = new StringBuilder();
    for (Op op : history) {
      sb.append(op.process()).append(' ').append(op.type()).append(' ').append(op.f());
      sb.append(' ').append(Models.show(op.value())).append('\n');
    }
    return sb.toString();
  }

  /**
   * Every order of the operations, by brute force: an operation may go next when no completed
   * operation still unplaced returned before it was invoked. Failed operations never happened
   * (Jepsen's rules); crashed and pending ones may be left out.
   */
  static final class Exhaustive {
    private record Call(String f, Object arg, Object read, boolean must, int from, int to) {}

    static boolean linearizable(List<Op> history) {
      List<Call> calls = new ArrayList<>();
      for (int i = 0; i < history.size(); i++) {
        Op inv = history.get(i);
        if (inv.type() != OpType.INVOKE) {
          continue;
        }
        int j = i + 1;
        while (j < history.size() && history.get(j).process() != inv.process()) {
          j++;
        }
        OpType end = j < history.size() ? history.get(j).type() : OpType.INFO;
        if (end == OpType.OK) {
          Object read = inv.f().equals("read") ? history.get(j).value() : null;
          calls.add(new Call(inv.f(), inv.value(), read, true, i, j));
        } else if (end == OpType.INFO && !inv.f().equals("read")) {
          calls.add(new Call(inv.f(), inv.value(), null, false, i, Integer.MAX_VALUE));
        }
      }
      return explore(calls, new boolean[calls.size()], 0L);
    }

    private static boolean explore(List<Call> calls, boolean[] done, Object value) {
      int deadline = Integer.MAX_VALUE;
      for (int i = 0; i < calls.size(); i++) {
        if (!done[i] && calls.get(i).must()) {
          deadline = Math.min(deadline, calls.get(i).to());
        }
      }
      if (deadline == Integer.MAX_VALUE) {
        return true;
      }
      for (int i = 0; i < calls.size(); i++) {
        Call c = calls.get(i);
        if (done[i] || c.from() > deadline) {
          continue;
        }
        Object next;
        if (c.f().equals("read")) {
          if (!Objects.equals(value, c.read())) {
            continue;
          }
          next = value;
        } else if (c.f().equals("write")) {
          next = c.arg();
        } else {
          List<?> pair = (List<?>) c.arg();
          if (!Objects.equals(value, pair.get(0))) {
            continue;
          }
          next = pair.get(1);
        }
        done[i] = true;
        boolean found = explore(calls, done, next);
        done[i] = false;
        if (found) {
          return true;
        }
      }
      return false;
    }
  }
}
