package dev.faultline.sim.fault;

import dev.faultline.sim.RandomStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a fault schedule from a random stream and {@link FaultRates}. Every episode it starts, it
 * also ends (restart, resume, heal, rate back to zero) no later than the end of the fault window,
 * so the liveness phase after it begins on a whole, healed system.
 */
public final class FaultGenerator {
  private final FaultRates rates;

  public FaultGenerator(FaultRates rates) {
    this.rates = rates;
  }

  /**
   * Draws a schedule for {@code nodes} with episodes starting in [startMicros, endMicros) and every
   * episode over by {@code endMicros}.
   */
  public FaultSchedule generate(
      RandomStream random, List<String> nodes, long startMicros, long endMicros) {
    List<FaultKind> kinds = enabledKinds(random, nodes.size());
    Episodes ep = new Episodes(random, nodes, endMicros);
    if (kinds.isEmpty()) {
      return FaultSchedule.empty();
    }
    long t = startMicros + exponential(random, rates.meanGapMicros());
    int bound = 100_000; // a schedule of more episodes than this is a misconfiguration
    while (t < endMicros && bound-- > 0) {
      FaultKind kind = kinds.get(random.nextInt(kinds.size()));
      long end =
          Math.min(endMicros, t + Math.max(1_000, exponential(random, rates.meanDurationMicros())));
      ep.add(kind, t, end);
      t += Math.max(1, exponential(random, rates.meanGapMicros()));
    }
    return new FaultSchedule(ep.out);
  }

  private List<FaultKind> enabledKinds(RandomStream random, int nodeCount) {
    Set<FaultKind> on = EnumSet.noneOf(FaultKind.class);
    for (FaultKind k : FaultKind.values()) {
      // Swarm testing draws for every family, enabled or not, so one family's switch does not
      // shift another's.
      boolean coin = !rates.swarm() || random.nextBoolean();
      if (rates.kinds().contains(k) && coin) {
        on.add(k);
      }
    }
    if (on.isEmpty() && rates.swarm() && !rates.kinds().isEmpty()) {
      List<FaultKind> all = new ArrayList<>(rates.kinds());
      on.add(all.get(random.nextInt(all.size())));
    }
    if (nodeCount < 2) {
      on.remove(FaultKind.PARTITION);
      on.remove(FaultKind.CLOG);
    }
    return new ArrayList<>(on);
  }

  static long exponential(RandomStream random, long mean) {
    return (long) (-mean * StrictMath.log(1 - random.nextDouble()));
  }

  /** The episodes drawn so far, with what is busy until when. */
  private final class Episodes {
    final RandomStream random;
    final List<String> nodes;
    final long[] downUntil;
    final long windowEnd;
    long partitionUntil;
    long lossUntil;
    long duplicateUntil;
    long jitterUntil;
    long clogUntil;
    final long[] skewUntil;
    final List<TimedFault> out = new ArrayList<>();

    Episodes(RandomStream random, List<String> nodes, long windowEnd) {
      this.random = random;
      this.nodes = nodes;
      this.downUntil = new long[nodes.size()];
      this.skewUntil = new long[nodes.size()];
      this.windowEnd = windowEnd;
    }

    void add(FaultKind kind, long t, long end) {
      switch (kind) {
        case CRASH, PAUSE -> nodeDown(kind, t, end);
        case PARTITION -> {
          if (partitionUntil <= t) {
            emit(t, PartitionDraws.draw(random, nodes), end, new Fault.Heal());
            partitionUntil = end;
          }
        }
        case SKEW -> {
          int i = random.nextInt(nodes.size());
          String n = nodes.get(i);
          long offset = random.nextLong(-rates.maxSkewMicros(), rates.maxSkewMicros());
          long drift = random.nextLong(-rates.maxDriftPpm(), rates.maxDriftPpm());
          // One episode at a time per node: a second one would be cut short by the first's reset.
          // The draws above are made either way, so skipping shifts no later episode.
          if (skewUntil[i] <= t) {
            emit(t, new Fault.Skew(n, offset, drift), end, new Fault.Skew(n, 0, 0));
            skewUntil[i] = end;
          }
        }
        case LOSS -> {
          if (lossUntil <= t) {
            emit(t, new Fault.Loss(rates.lossRate()), end, new Fault.Loss(0));
            lossUntil = end;
          }
        }
        case DUPLICATE -> {
          if (duplicateUntil <= t) {
            emit(t, new Fault.Duplicate(rates.duplicateRate()), end, new Fault.Duplicate(0));
            duplicateUntil = end;
          }
        }
        case JITTER -> {
          if (jitterUntil <= t) {
            emit(t, new Fault.Jitter(rates.jitterMicros()), end, new Fault.Jitter(0));
            jitterUntil = end;
          }
        }
        case CLOG -> {
          if (clogUntil <= t && nodes.size() >= 2) {
            int a = random.nextInt(nodes.size());
            int b = (a + 1 + random.nextInt(nodes.size() - 1)) % nodes.size();
            emit(
                t,
                new Fault.Clog(nodes.get(a), nodes.get(b), rates.clogMicros()),
                end,
                new Fault.Unclog());
            clogUntil = end;
          }
        }
      }
    }

    private void nodeDown(FaultKind kind, long t, long end) {
      List<Integer> up = new ArrayList<>();
      int down = 0;
      for (int i = 0; i < nodes.size(); i++) {
        if (downUntil[i] > t) {
          down++;
        } else {
          up.add(i);
        }
      }
      if (down >= rates.maxDown() || up.isEmpty()) {
        return;
      }
      int i = up.get(random.nextInt(up.size()));
      String n = nodes.get(i);
      if (kind == FaultKind.CRASH) {
        emit(t, new Fault.Crash(n), end, new Fault.Restart(n));
      } else {
        emit(t, new Fault.Pause(n), end, new Fault.Resume(n));
      }
      downUntil[i] = end;
    }

    private void emit(long t, Fault start, long end, Fault stop) {
      out.add(new TimedFault(t, start));
      out.add(new TimedFault(Math.min(end, windowEnd), stop));
    }
  }
}
