package dev.faultline.checker.history;

/** The four kinds of history entry, as Jepsen names them. */
public enum OpType {
  /** The client started the operation. */
  INVOKE,
  /** The operation completed and took effect. */
  OK,
  /** The operation certainly did not take effect. */
  FAIL,
  /** The outcome is unknown: it may take effect at any time after its invoke, or never. */
  INFO
}
