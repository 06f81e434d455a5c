package dev.faultline.scenarios.property;

import dev.faultline.sim.RandomStream;
import dev.faultline.sim.fault.FaultGenerator;
import dev.faultline.sim.fault.FaultRates;
import dev.faultline.sim.fault.FaultSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A generator: draws a value from one of the simulation's seeded streams, so every generated input
 * is reproducible from its seed.
 */
@FunctionalInterface
public interface Gen<T> {
  T draw(RandomStream random);

  default <U> Gen<U> map(Function<? super T, ? extends U> f) {
    return r -> f.apply(draw(r));
  }

  /** Integers in [min, max]. */
  static Gen<Long> longs(long min, long max) {
    return r -> r.nextLong(min, max);
  }

  /** Integers in [min, max], as knob text. */
  static Gen<String> intText(long min, long max) {
    return longs(min, max).map(String::valueOf);
  }

  /** One of {@code choices}, uniformly. */
  static <T> Gen<T> oneOf(List<T> choices) {
    List<T> copy = List.copyOf(choices);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("oneOf needs at least one choice");
    }
    return r -> copy.get(r.nextInt(copy.size()));
  }

  /** A list of {@code min..max} elements drawn from {@code element}. */
  static <T> Gen<List<T>> listOf(Gen<T> element, int min, int max) {
    return r -> {
      int n = (int) r.nextLong(min, max);
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(element.draw(r));
      }
      return out;
    };
  }

  /** Fault schedules over {@code nodes} in [start, end), from {@code rates} (swarm mode too). */
  static Gen<FaultSchedule> faultSchedules(
      FaultRates rates, List<String> nodes, long startMicros, long endMicros) {
    FaultGenerator g = new FaultGenerator(rates);
    return r -> g.generate(r, nodes, startMicros, endMicros);
  }
}
