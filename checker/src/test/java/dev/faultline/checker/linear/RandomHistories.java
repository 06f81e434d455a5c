package dev.faultline.checker.linear;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small random register histories, made by running a real register: each operation takes effect at
 * a random moment between its invoke and its completion (or not at all), and then some results are
 * corrupted, so that both verdicts are common.
 */
final class RandomHistories {
  private RandomHistories() {}

  static List<Op> register(Random random, boolean cas, int maxOps, int processes, int infoPercent) {
    return register(random, cas, maxOps, processes, infoPercent, false);
  }

  /**
   * The hard shape of wide histories, small: mostly reads, and a crashed write or cas whose effect
   * may land long after the crash was reported (any later step, or never), so that reads of its
   * value come after its info.
   */
  static List<Op> lateCrashes(
      Random random, boolean cas, int maxOps, int processes, int infoPercent) {
    return register(random, cas, maxOps, processes, infoPercent, true);
  }

  private static List<Op> register(
      Random random, boolean cas, int maxOps, int processes, int infoPercent, boolean late) {
    List<Op> history = new ArrayList<>();
    List<Object[]> landing = new ArrayList<>();
    long[] process = new long[processes];
    String[] f = new String[processes];
    Object[] arg = new Object[processes];
    Object[] result = new Object[processes];
    int[] phase = new int[processes]; // 0 idle, 1 invoked, 2 took effect
    for (int p = 0; p < processes; p++) {
      process[p] = p;
    }
    Object register = null;
    int invoked = 0;
    int target = Math.max(1, maxOps - random.nextInt(5));
    for (int guard = 0; guard < 200; guard++) {
      if (!landing.isEmpty() && random.nextInt(4) == 0) {
        Object[] effect = landing.remove(random.nextInt(landing.size()));
        register = apply((String) effect[0], effect[1], register);
        continue;
      }
      int p = random.nextInt(processes);
      if (phase[p] == 0) {
        if (invoked == target) {
          if (allIdleOrDone(phase, random)) {
            break;
          }
          continue;
        }
        invoked++;
        int kind = late && random.nextInt(2) == 0 ? 0 : random.nextInt(cas ? 3 : 2);
        f[p] = kind == 0 ? "read" : kind == 1 ? "write" : "cas";
        arg[p] =
            kind == 0 ? null : kind == 1 ? value(random) : List.of(value(random), value(random));
        history.add(Op.invoke(process[p], f[p], null, arg[p], -1));
        phase[p] = 1;
      } else if (phase[p] == 1 && random.nextInt(4) != 0) {
        switch (f[p]) {
          case "read" -> result[p] = register;
          case "write" -> register = arg[p];
          default -> {
            List<?> pair = (List<?>) arg[p];
            boolean matches = java.util.Objects.equals(register, pair.get(0));
            result[p] = matches;
            if (matches) {
              register = pair.get(1);
            }
          }
        }
        phase[p] = 2;
      } else {
        boolean pending = phase[p] == 1 && !f[p].equals("read");
        complete(random, history, p, process, f, arg, result, phase, infoPercent);
        boolean crashed = history.get(history.size() - 1).type() == OpType.INFO;
        if (late && pending && crashed && random.nextInt(3) != 0) {
          landing.add(new Object[] {f[p], arg[p]});
        }
      }
    }
    corrupt(random, history);
    return history;
  }

  /**
   * The register after a crashed write or cas lands (a cas that does not match changes nothing).
   */
  private static Object apply(String f, Object arg, Object register) {
    if (f.equals("write")) {
      return arg;
    }
    List<?> pair = (List<?>) arg;
    return java.util.Objects.equals(register, pair.get(0)) ? pair.get(1) : register;
  }

  private static boolean allIdleOrDone(int[] phase, Random random) {
    return random.nextInt(3) == 0;
  }

  private static void complete(
      Random random,
      List<Op> history,
      int p,
      long[] process,
      String[] f,
      Object[] arg,
      Object[] result,
      int[] phase,
      int infoPercent) {
    boolean tookEffect = phase[p] == 2;
    if (random.nextInt(100) < infoPercent) {
      history.add(Op.info(process[p], f[p], null, arg[p], -1));
      process[p] += process.length;
    } else if (!tookEffect || (f[p].equals("cas") && Boolean.FALSE.equals(result[p]))) {
      history.add(Op.fail(process[p], f[p], null, arg[p], -1));
    } else {
      history.add(Op.ok(process[p], f[p], null, f[p].equals("read") ? result[p] : arg[p], -1));
    }
    phase[p] = 0;
  }

  private static Object value(Random random) {
    return (long) random.nextInt(3);
  }

  /** Changes one completion's outcome or value in about two histories out of three. */
  private static void corrupt(Random random, List<Op> history) {
    if (random.nextInt(3) == 0) {
      return;
    }
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      Op op = history.get(i);
      if ((op.type() == OpType.OK && !op.f().equals("write"))
          || (op.type() == OpType.FAIL && op.f().equals("cas"))) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    int i = candidates.get(random.nextInt(candidates.size()));
    Op op = history.get(i);
    if (op.f().equals("read")) {
      Object other = op.value();
      while (java.util.Objects.equals(other, op.value())) {
        other = value(random);
      }
      history.set(i, Op.ok(op.process(), "read", null, other, -1));
    } else if (op.type() == OpType.OK) {
      history.set(i, Op.fail(op.process(), "cas", null, op.value(), -1));
    } else {
      history.set(i, Op.ok(op.process(), "cas", null, op.value(), -1));
    }
  }
}
