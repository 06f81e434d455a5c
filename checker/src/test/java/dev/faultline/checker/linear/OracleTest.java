package dev.faultline.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Random small histories (up to 8 operations on 3 processes, 11 on 4 or 12 on 5, with info, fail
 * and never-completed operations) judged by the checker and by a brute-force search over every
 * order; they must agree.
 */
class OracleTest {
  private static final int HISTORIES = 4000;

  @Test
  void checkerAgreesWithBruteForceOnRandomRegisterHistories() {
    agree(false, Rules.JEPSEN, 1, 10);
  }

  @Test
  void checkerAgreesWithBruteForceOnRandomCasRegisterHistoriesUnderJepsenRules() {
    agree(true, Rules.JEPSEN, 2, 10);
  }

  @Test
  void checkerAgreesWithBruteForceOnRandomCasRegisterHistoriesUnderPorcupineRules() {
    agree(true, Rules.PORCUPINE, 3, 10);
  }

  @Test
  void checkerAgreesWithBruteForceWhenMostOperationsCrash() {
    agree(true, Rules.PORCUPINE, 4, 50);
    agree(false, Rules.JEPSEN, 5, 50);
  }

  @Test
  void checkerAgreesWithBruteForceOnWiderHistoriesWithManyCrashes() {
    agree(true, Rules.JEPSEN, 6, 30, 11, 4, 1500);
    agree(true, Rules.PORCUPINE, 7, 30, 11, 4, 1500);
  }

  @Test
  void checkerAgreesWithBruteForceWhenCrashedWritesLandLongAfterTheCrash() {
    agreeLate(true, Rules.JEPSEN, 8, 1500);
    agreeLate(false, Rules.JEPSEN, 9, 1500);
    agreeLate(true, Rules.PORCUPINE, 10, 1500);
  }

  /**
   * Histories where two orders reach the same configuration having spent different crashed
   * operations, and only one of them can go on: a memo that does not record which were spent
   * answers NOT for a linearizable history (seed 42 has such a history).
   */
  @Test
  void checkerAgreesWithBruteForceWhenPathsSpendDifferentCrashedOperations() {
    agree(true, Rules.JEPSEN, 42, 50, 12, 5, 2000, true);
    agree(true, Rules.PORCUPINE, 42, 50, 12, 5, 2000, true);
  }

  private static void agreeLate(boolean cas, Rules rules, long seed, int count) {
    agree(cas, rules, seed, 35, 11, 4, count, true);
  }

  private static void agree(boolean cas, Rules rules, long seed, int infoPercent) {
    agree(cas, rules, seed, infoPercent, 8, 3, HISTORIES);
  }

  private static void agree(
      boolean cas, Rules rules, long seed, int infoPercent, int ops, int processes, int count) {
    agree(cas, rules, seed, infoPercent, ops, processes, count, false);
  }

  private static void agree(
      boolean cas,
      Rules rules,
      long seed,
      int infoPercent,
      int ops,
      int processes,
      int count,
      boolean late) {
    Random random = new Random(seed);
    int[] verdicts = new int[2];
    for (int i = 0; i < count; i++) {
      List<Op> history =
          late
              ? RandomHistories.lateCrashes(random, cas, ops, processes, infoPercent)
              : RandomHistories.register(random, cas, ops, processes, infoPercent);
      boolean expected = BruteForce.linearizable(history, rules);
      Model<?> model = cas ? Models.casRegister(null) : Models.register(null);
      CheckResult r =
          Linearizability.check(history, model, CheckOptions.defaults().withRules(rules));
      Verdict want = expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE;
      assertEquals(want, r.verdict(), () -> "seed " + seed + ", history:\n" + show(history));
      verdicts[expected ? 0 : 1]++;
    }
    assertTrue(
        verdicts[0] > count / 5 && verdicts[1] > count / 5,
        "both verdicts occur: " + verdicts[0] + " linearizable, " + verdicts[1] + " not");
  }

  static String show(List<Op> history) {
    StringBuilder sb = new StringBuilder();
    for (Op op : history) {
      sb.append(op.process())
          .append(' ')
          .append(op.type())
          .append(' ')
          .append(op.f())
          .append(' ')
          .append(Models.show(op.value()))
          .append('\n');
    }
    return sb.toString();
  }

  /** Every order of the operations that respects real time, tried one by one. */
  static final class BruteForce {
    private record Candidate(
        String f, Object value, boolean required, boolean failed, int inv, int ret) {}

    static boolean linearizable(List<Op> history, Rules rules) {
      List<Candidate> ops = new ArrayList<>();
      for (int i = 0; i < history.size(); i++) {
        Op inv = history.get(i);
        if (inv.type() != OpType.INVOKE) {
          continue;
        }
        int j = i + 1;
        while (j < history.size() && history.get(j).process() != inv.process()) {
          j++;
        }
        Op done = j < history.size() ? history.get(j) : null;
        OpType t = done == null ? OpType.INFO : done.type();
        boolean read = inv.f().equals("read");
        if (t == OpType.OK) {
          if (read && done.value() == null && rules == Rules.JEPSEN) {
            continue;
          }
          ops.add(new Candidate(inv.f(), read ? done.value() : inv.value(), true, false, i, j));
        } else if (t == OpType.FAIL) {
          if (rules == Rules.PORCUPINE && inv.f().equals("cas")) {
            ops.add(new Candidate("cas", inv.value(), true, true, i, j));
          }
        } else if (!read) {
          ops.add(new Candidate(inv.f(), inv.value(), false, false, i, Integer.MAX_VALUE));
        }
      }
      return search(ops, new boolean[ops.size()], null);
    }

    private static boolean search(List<Candidate> ops, boolean[] placed, Object state) {
      boolean done = true;
      int firstReturn = Integer.MAX_VALUE;
      for (int i = 0; i < ops.size(); i++) {
        if (!placed[i] && ops.get(i).required()) {
          done = false;
          firstReturn = Math.min(firstReturn, ops.get(i).ret());
        }
      }
      if (done) {
        return true;
      }
      for (int i = 0; i < ops.size(); i++) {
        Candidate c = ops.get(i);
        if (placed[i] || c.inv() > firstReturn) {
          continue;
        }
        Object[] next = step(c, state);
        if (next != null) {
          placed[i] = true;
          boolean ok = search(ops, placed, next[0]);
          placed[i] = false;
          if (ok) {
            return true;
          }
        }
      }
      return false;
    }

    /** The next state in a one-element array, or null when the operation cannot happen. */
    private static Object[] step(Candidate c, Object state) {
      switch (c.f()) {
        case "read":
          return Objects.equals(state, c.value()) ? new Object[] {state} : null;
        case "write":
          return new Object[] {c.value()};
        default:
          List<?> pair = (List<?>) c.value();
          boolean matches = Objects.equals(state, pair.get(0));
          if (c.failed()) {
            return matches ? null : new Object[] {state};
          }
          return matches ? new Object[] {pair.get(1)} : null;
      }
    }
  }
}
