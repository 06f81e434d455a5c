package dev.faultline.checker.gen;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Deterministic register histories for benchmarking checkers, made by running a real register: each
 * operation takes effect at a random moment inside its interval, so the history is linearizable by
 * construction unless a violation is planted. Crashed operations end {@code :info} and their
 * process is replaced by a fresh process id, as Jepsen does; a crashed write or cas took effect
 * inside its interval, takes effect some time after the crash, or never, a third of the time each.
 *
 * <p>Randomness comes only from {@link Random} seeded with the spec's seed, whose algorithm Java
 * specifies, so a seed gives the same history on every JDK.
 */
public final class WideHistories {
  private WideHistories() {}

  /** A history as {@code spec} describes it. */
  public static List<Op> mixed(WideHistorySpec spec) {
    return new MixedRun(spec).run();
  }

  /**
   * {@code writers} concurrent writes of distinct values that complete, {@code crashed} more that
   * end {@code :info}, then one process reads twice. When {@code contradiction} holds, the reads
   * return the values of two different completed writes, which no order explains (both writes ended
   * before the first read began, so the second value cannot follow the first); otherwise they
   * return the same value, which is linearizable.
   */
  public static List<Op> concurrentWrites(
      int writers, int crashed, boolean contradiction, long seed) {
    if (writers < 2 || crashed < 0 || writers + crashed > 1_000_000) {
      throw new IllegalArgumentException(
          "concurrent writes need at least 2 writers and at most 1000000 writes.");
    }
    Random random = new Random(seed);
    int n = writers + crashed;
    List<Long> values = new ArrayList<>(n);
    for (long v = 1; v <= n; v++) {
      values.add(v);
    }
    Collections.shuffle(values, random);
    List<Integer> order = new ArrayList<>(n);
    for (int p = 0; p < n; p++) {
      order.add(p);
    }
    List<Op> ops = new ArrayList<>(2 * n + 4);
    long t = 0;
    Collections.shuffle(order, random);
    for (int p : order) {
      ops.add(Op.invoke(p, "write", null, values.get(p), t++ * 1000));
    }
    Collections.shuffle(order, random);
    for (int p : order) {
      OpType type = p < writers ? OpType.OK : OpType.INFO;
      ops.add(new Op(p, type, "write", null, values.get(p), t++ * 1000, null));
    }
    int a = random.nextInt(writers);
    int b = (a + 1 + random.nextInt(writers - 1)) % writers;
    long reader = n;
    for (int read : new int[] {a, contradiction ? b : a}) {
      ops.add(Op.invoke(reader, "read", null, null, t++ * 1000));
      ops.add(Op.ok(reader, "read", null, values.get(read), t++ * 1000));
    }
    return ops;
  }

  /**
   * One run of the mixed workload in virtual time: each process thinks, invokes, and completes
   * after its latency; the operation takes effect at a uniformly random instant in between. Events
   * are ordered by (time, sequence number), never by anything hash-ordered.
   */
  private static final class MixedRun {
    private static final int INVOKE = 0;
    private static final int EFFECT = 1;
    private static final int COMPLETE = 2;

    /** An operation in flight; its effect may outlive its process when it crashed. */
    private static final class Pending {
      final String f;
      final Object arg;
      final boolean crashes;
      Object result;

      Pending(String f, Object arg, boolean crashes) {
        this.f = f;
        this.arg = arg;
        this.crashes = crashes;
      }
    }

    private record Event(long timeNanos, long seq, int kind, int slot, Pending op) {}

    private final WideHistorySpec spec;
    private final Random random;
    private final List<Op> out;
    private final long[] process;
    private final Pending[] current;
    private final PriorityQueue<Event> events =
        new PriorityQueue<>(
            Comparator.comparingLong(Event::timeNanos).thenComparingLong(Event::seq));
    private final int target;
    private final int planter;
    private int planted = -1;
    private Object register;
    private long nextProcess;
    private long nextValue = 1;
    private long seq;
    private int invoked;

    MixedRun(WideHistorySpec spec) {
      this.spec = spec;
      this.random = new Random(spec.seed());
      int n = spec.processes();
      this.out = new ArrayList<>(spec.entries());
      this.process = new long[n + 1];
      this.current = new Pending[n + 1];
      for (int p = 0; p <= n; p++) {
        process[p] = p;
      }
      this.nextProcess = n + 1;
      this.planter = n;
      int ops = spec.entries() / 2;
      this.target = spec.violation() ? ops - 3 : ops;
    }

    List<Op> run() {
      for (int p = 0; p < spec.processes(); p++) {
        schedule(exponential(spec.thinkMicros()), INVOKE, p, null);
      }
      while (!events.isEmpty()) {
        Event e = events.poll();
        switch (e.kind()) {
          case INVOKE -> invoke(e.slot(), e.timeNanos());
          case EFFECT -> e.op().result = apply(e.op().f, e.op().arg);
          default -> complete(e.slot(), e.timeNanos());
        }
      }
      return out;
    }

    private void schedule(long timeNanos, int kind, int slot, Pending op) {
      events.add(new Event(timeNanos, seq++, kind, slot, op));
    }

    private void invoke(int p, long now) {
      if (p == planter) {
        plant(now);
        return;
      }
      if (invoked >= target) {
        return;
      }
      invoked++;
      if (spec.violation() && planted < 0 && invoked >= target / 2) {
        planted = 0;
        schedule(now, INVOKE, planter, null);
      }
      int roll = random.nextInt(100);
      String f;
      Object arg;
      if (roll < spec.readPercent()) {
        f = "read";
        arg = null;
      } else if (roll < spec.readPercent() + spec.writePercent()) {
        f = "write";
        arg = fresh();
      } else {
        f = "cas";
        arg = List.of(expected(), fresh());
      }
      boolean crashes = !f.equals("read") && random.nextInt(100) < spec.crashPercent();
      start(p, now, new Pending(f, arg, crashes));
    }

    /** Emits the invoke and schedules the effect and the completion. */
    private void start(int p, long now, Pending op) {
      current[p] = op;
      emit(process[p], OpType.INVOKE, op.f, op.arg, now);
      long latency = exponential(spec.latencyMicros());
      long effect = now + (long) (random.nextDouble() * latency);
      int fate = op.crashes ? random.nextInt(3) : 0;
      if (fate == 1) {
        long late =
            spec.lateMicros() > 0 ? spec.lateMicros() : spec.latencyMicros() + spec.thinkMicros();
        effect = now + latency + exponential(late);
      }
      if (fate != 2) {
        schedule(effect, EFFECT, p, op);
      }
      schedule(now + latency, COMPLETE, p, op);
    }

    private void complete(int p, long now) {
      Pending op = current[p];
      if (op.crashes) {
        emit(process[p], OpType.INFO, op.f, op.arg, now);
        process[p] = nextProcess++;
      } else if (op.f.equals("read")) {
        emit(process[p], OpType.OK, "read", p == planter ? op.arg : op.result, now);
      } else {
        boolean failed = op.f.equals("cas") && Boolean.FALSE.equals(op.result);
        emit(process[p], failed ? OpType.FAIL : OpType.OK, op.f, op.arg, now);
      }
      current[p] = null;
      long think = p == planter ? 0 : exponential(spec.thinkMicros());
      schedule(now + think, INVOKE, p, null);
    }

    /**
     * The planted violation, one process alone: it writes x, then z, then reads x back. Nobody else
     * ever writes x or z, so once z is written x cannot come back: the read is stale.
     */
    private void plant(long now) {
      switch (planted++) {
        case 0 -> start(planter, now, new Pending("write", plantedValue(0), false));
        case 1 -> start(planter, now, new Pending("write", plantedValue(1), false));
        case 2 -> {
          // A read whose effect is real but whose reported value is the stale x (see complete).
          current[planter] = new Pending("read", plantedValue(0), false);
          emit(process[planter], OpType.INVOKE, "read", null, now);
          schedule(now + exponential(spec.latencyMicros()), COMPLETE, planter, null);
        }
        default -> {}
      }
    }

    private final Long[] plantedValues = new Long[2];

    private Long plantedValue(int i) {
      if (plantedValues[i] == null) {
        plantedValues[i] = spec.unique() ? nextValue++ : (long) spec.values() + i;
      }
      return plantedValues[i];
    }

    /** Applies an operation to the register; a read's value, or whether a cas matched. */
    private Object apply(String fn, Object a) {
      switch (fn) {
        case "read":
          return register;
        case "write":
          register = a;
          return Boolean.TRUE;
        default:
          List<?> pair = (List<?>) a;
          if (Objects.equals(register, pair.get(0))) {
            register = pair.get(1);
            return Boolean.TRUE;
          }
          return Boolean.FALSE;
      }
    }

    private Long fresh() {
      return spec.unique() ? nextValue++ : (long) random.nextInt(spec.values());
    }

    private Long expected() {
      if (!spec.unique()) {
        return (long) random.nextInt(spec.values());
      }
      if (register instanceof Long current && random.nextBoolean()) {
        return current;
      }
      return 1 + (long) random.nextInt((int) Math.min(Integer.MAX_VALUE, nextValue));
    }

    /** An exponential draw with the given mean, in nanoseconds; StrictMath keeps it portable. */
    private long exponential(long meanMicros) {
      return (long) (-meanMicros * 1000.0 * StrictMath.log(1 - random.nextDouble()));
    }

    private void emit(long pid, OpType type, String fn, Object value, long timeNanos) {
      out.add(new Op(pid, type, fn, null, value, timeNanos, null));
    }
  }
}
