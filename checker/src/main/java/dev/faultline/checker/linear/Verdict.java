package dev.faultline.checker.linear;

/** The answer of a linearizability check. */
public enum Verdict {
  /** Some order of the operations respects real time and the model. */
  LINEARIZABLE,
  /** No such order exists; the result carries a counterexample. */
  NOT_LINEARIZABLE,
  /** The check ran out of time or memory before it could decide; the result says which. */
  UNKNOWN
}
