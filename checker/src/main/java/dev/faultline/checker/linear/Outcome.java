package dev.faultline.checker.linear;

/** What is known of an operation's effect, after the history's {@code Rules} have been applied. */
public enum Outcome {
  /** It took effect between its invoke and its completion, and returned its value. */
  OK,
  /**
   * It completed without taking effect, and that is an observation the model gives meaning to (a
   * failed compare-and-set under Porcupine's rules: the compare did not match).
   */
  FAILED,
  /** It may take effect at any time after its invoke, or never ({@code info}, or no completion). */
  UNKNOWN
}
