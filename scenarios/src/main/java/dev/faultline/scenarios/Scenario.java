package dev.faultline.scenarios;

import java.util.List;
import java.util.Optional;

/**
 * A runnable experiment: a model, its knobs, a workload, a fault-schedule generator, the checks, a
 * duration and a liveness phase. The catalog lists every scenario by name.
 *
 * <p>{@link #run} must be deterministic: the same {@link RunSpec} gives the same result, trace hash
 * included, on every JVM. It must not read a wall clock or unseeded randomness, nor start threads:
 * sweeps run several scenarios at once, one per thread.
 */
public interface Scenario {
  /** The name on the command line, e.g. {@code raft-kv}. */
  String name();

  /** One line for {@code faultline list}. */
  String description();

  /** Every knob, with its default; the order is the order {@code list} prints them in. */
  List<Knob> knobs();

  /**
   * Refuses knobs that conflict with one another, as the modelled system refuses them: throws a
   * {@link KnobException} of one sentence (the command line exits 2). Called whenever knobs are
   * resolved, before anything runs. A scenario never clamps or silently switches off a knob
   * instead.
   */
  default void checkKnobs(Knobs knobs) {}

  /**
   * Knobs whose value in effect is derived from others and differs from the value shown (Kafka
   * turns idempotence off when acks=1 and idempotence was not set): name to the value in effect and
   * why, for {@code run} to print. Empty by default.
   */
  default java.util.SortedMap<String, String> knobsInEffect(Knobs knobs) {
    return new java.util.TreeMap<>();
  }

  /**
   * Metrics whose distribution over seeds {@code compare} prints (median, p99, max) and its report
   * draws as a CDF. A run may carry several samples of one: {@code NAME}, {@code NAME#2}, ...
   */
  default List<String> distributionMetrics() {
    return List.of();
  }

  /** Runs one seed. Checks that fail are verdicts in the result, not exceptions. */
  ScenarioResult run(RunSpec spec);

  /**
   * How a run with {@code knobs} judges its clients' history, so that {@code run --history} can
   * export it and {@code faultline check} can judge the file as the run did; empty (the default)
   * when the scenario records no client history.
   */
  default Optional<HistoryCheck> historyCheck(Knobs knobs) {
    return Optional.empty();
  }
}
