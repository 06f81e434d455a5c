package dev.faultline.checker.linear;

/**
 * Thrown by a long loop outside the searches (pairing, compiling a key, the unique-value path) when
 * the check's time limit has passed; the check then ends UNKNOWN. Stackless: it is control flow,
 * not an error.
 */
final class OutOfTime extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OutOfTime() {
    super("the time limit ran out", null, false, false);
  }

  /** Checks the clock once every 4,096 calls with {@code i} counting up. */
  static void check(long i, long deadlineNanos) {
    if ((i & 4095) == 4095 && System.nanoTime() - deadlineNanos > 0) {
      throw new OutOfTime();
    }
  }
}
