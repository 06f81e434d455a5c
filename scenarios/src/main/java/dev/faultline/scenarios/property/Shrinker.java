package dev.faultline.scenarios.property;

import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Scenario;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.fault.TimedFault;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shrinks a failing case to a smaller one that still fails: drops fault events (halves, then
 * quarters, down to single events, as delta debugging does), then lowers integer knobs (node and
 * client counts, durations, rates) towards their minimum, and repeats until nothing more goes.
 * Deterministic, and bounded by a number of runs.
 *
 * <p>When a server-count knob ({@code nodes}, {@code voters}, {@code brokers}) shrinks, faults
 * naming servers {@code nK} past the new count are dropped (servers are named n1..nN by
 * convention); when {@code duration-ms} shrinks, faults past the new fault phase are dropped.
 */
final class Shrinker {
  private static final Pattern SERVER = Pattern.compile("n(\\d+)");
  private static final List<String> SERVER_COUNTS = List.of("nodes", "voters", "brokers");

  private final Scenario scenario;
  private final Predicate<Case> fails;
  private final List<String> shrinkableKnobs;
  private final int maxRuns;
  private int runs;

  Shrinker(Scenario scenario, Predicate<Case> fails, List<String> shrinkableKnobs, int maxRuns) {
    this.scenario = scenario;
    this.fails = fails;
    this.shrinkableKnobs = shrinkableKnobs;
    this.maxRuns = maxRuns;
  }

  int runs() {
    return runs;
  }

  Case shrink(Case failing) {
    Case current = failing;
    boolean progress = true;
    while (progress && runs < maxRuns) {
      progress = false;
      Case smaller = dropFaults(current);
      if (smaller != current) {
        current = smaller;
        progress = true;
      }
      smaller = lowerKnobs(current);
      if (smaller != current) {
        current = smaller;
        progress = true;
      }
    }
    return current;
  }

  private Case dropFaults(Case c) {
    Case current = c;
    for (int chunk = Math.max(1, current.schedule().size() / 2); chunk >= 1; chunk /= 2) {
      int start = 0;
      while (start < current.schedule().size() && runs < maxRuns) {
        int end = Math.min(current.schedule().size(), start + chunk);
        Case candidate = current.withSchedule(current.schedule().without(start, end));
        if (tryCase(candidate)) {
          current = candidate;
        } else {
          start += chunk;
        }
      }
    }
    return current;
  }

  private Case lowerKnobs(Case c) {
    Case current = c;
    for (Knob k : scenario.knobs()) {
      if (k.type() != Knob.Type.INT || !shrinkableKnobs.contains(k.name())) {
        continue;
      }
      long value = Long.parseLong(current.knobs().getOrDefault(k.name(), k.defaultValue()));
      long min = (long) k.min();
      for (long candidateValue : candidates(value, min)) {
        if (runs >= maxRuns) {
          return current;
        }
        Case candidate = fit(current.withKnob(k.name(), Long.toString(candidateValue)), k.name());
        if (tryCase(candidate)) {
          current = candidate;
          break;
        }
      }
    }
    return current;
  }

  /**
   * Smaller values to try, smallest first: the minimum, then steps down of half the distance, a
   * quarter, ... one. Accepting the first that still fails halves the distance to the smallest
   * failing value on each pass, so a large knob (a duration in ms) shrinks in logarithmic runs.
   */
  private static List<Long> candidates(long value, long min) {
    List<Long> out = new ArrayList<>();
    if (value <= min) {
      return out;
    }
    out.add(min);
    for (long step = (value - min) / 2; step >= 1; step /= 2) {
      long v = value - step;
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    if (!out.contains(value - 1)) {
      out.add(value - 1);
    }
    return out;
  }

  /** Drops the faults a smaller knob makes meaningless. */
  private static Case fit(Case c, String knob) {
    List<TimedFault> kept = new ArrayList<>();
    for (TimedFault f : c.schedule().faults()) {
      if (SERVER_COUNTS.contains(knob)
          && namesServerPast(f.fault(), Long.parseLong(c.knobs().get(knob)))) {
        continue;
      }
      if (knob.equals("duration-ms") && f.atMicros() > Long.parseLong(c.knobs().get(knob)) * 1000) {
        continue;
      }
      kept.add(f);
    }
    return c.withSchedule(new FaultSchedule(kept));
  }

  private static boolean namesServerPast(Fault f, long servers) {
    for (String node : f.nodes()) {
      Matcher m = SERVER.matcher(node);
      if (m.matches() && Long.parseLong(m.group(1)) > servers) {
        return true;
      }
    }
    return false;
  }

  private boolean tryCase(Case c) {
    runs++;
    return fails.test(c);
  }
}
