package dev.faultline.checker.linear;

import java.util.List;

/**
 * A sequential specification: the states of one object and a pure step between them. The checker
 * asks whether a history could have been produced by some order of its operations that respects
 * real time and this step.
 *
 * <p>States are values: equal states must be {@code equals} with equal hash codes, and a state must
 * never be mutated after it is returned. {@code step} must be pure (no clock, no randomness, no
 * I/O): the checker calls it at most once per state and operation and caches the answer. A model
 * describes one object; histories with keys are checked per key, or with the product of one such
 * object per key when partitioning is turned off.
 *
 * @param <S> the state type; never null
 */
public interface Model<S> {
  /** The name used on the command line, e.g. {@code cas-register}. */
  String name();

  /** The initial state. */
  S init();

  /** The functions this model knows, e.g. {@code read, write, cas}. */
  List<String> functions();

  /** Whether {@code f} never changes the state, so that an unknown result of it tells nothing. */
  boolean isRead(String f);

  /**
   * Whether a failed {@code f} is an observation under Porcupine's rules (a failed cas: the compare
   * did not match) rather than an operation that never happened.
   */
  default boolean failIsObservation(String f) {
    return false;
  }

  /**
   * Why {@code value} is of the wrong shape for {@code f}, as the end of a sentence ("cas needs
   * [expected new]"), or null when it fits.
   */
  default String checkValue(String f, Object value, Outcome outcome) {
    return null;
  }

  /**
   * The state after {@code op} takes effect in {@code state}, or null when it cannot. An operation
   * with outcome {@code UNKNOWN} takes effect as an {@code OK} one would, with its invoke's value.
   */
  S step(S state, Operation op);

  /** How a state is shown in a counterexample. */
  default String describe(S state) {
    return Models.show(state);
  }
}
