package dev.faultline.checker.linear;

/**
 * A model's states numbered as ints, with its step cached, so that the search works on primitives
 * only. Numbers are dense from 0; the initial state is 0.
 */
interface StateSpace {
  /** The state after local operation {@code op} takes effect in {@code state}, or -1. */
  int step(int state, int op);

  /** The state as the model shows it. */
  String describe(int state);

  /** How many states have been numbered so far. */
  int size();
}
