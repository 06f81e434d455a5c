package dev.faultline.checker.history;

/**
 * How a history's completions are read. Jepsen histories and Porcupine's test files were written
 * under different conventions, and a user comparing with either tool must get that tool's verdict.
 */
public enum Rules {
  /**
   * As Knossos judges Jepsen histories: a {@code fail} never happened and is left out; an {@code
   * info} (the process crashed) leaves its operation open; an {@code ok} read whose value is nil
   * tells nothing.
   */
  JEPSEN,
  /**
   * As Porcupine's tests read its etcd and kv files: a failed compare-and-set is a real outcome
   * (the compare did not match); a failed read has an unknown result; a nil read means the register
   * is empty; an {@code info} leaves its operation open.
   */
  PORCUPINE
}
