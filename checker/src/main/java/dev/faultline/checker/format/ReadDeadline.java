package dev.faultline.checker.format;

import java.util.function.LongSupplier;

/**
 * The time limit of a check, as the readers keep it: a file is read against the same deadline as
 * its check, so that a history too large to read in time ends undecided instead of running on
 * unchecked by the clock. The readers look at the clock once per {@link #EVERY} entries (or 64K
 * characters, or 4 MB read), and also before the first, so a deadline already passed stops a read
 * before it parses anything.
 */
final class ReadDeadline {
  /** How often the clock is read, in entries: cheap beside parsing 256 entries. */
  static final int EVERY = 256;

  /** No deadline. */
  static final ReadDeadline NONE = new ReadDeadline(0, null);

  private final long deadlineNanos;
  private final LongSupplier clock;

  /**
   * @param clock nanoseconds on {@link System#nanoTime()}'s scale (tests pass a fake), or null for
   *     no deadline
   */
  ReadDeadline(long deadlineNanos, LongSupplier clock) {
    this.deadlineNanos = deadlineNanos;
    this.clock = clock;
  }

  /**
   * A deadline at {@code deadlineNanos} on {@link System#nanoTime()}'s scale; {@link
   * Long#MAX_VALUE} stands for none.
   */
  static ReadDeadline at(long deadlineNanos) {
    return deadlineNanos == Long.MAX_VALUE
        ? NONE
        : new ReadDeadline(deadlineNanos, System::nanoTime);
  }

  /**
   * Checks the clock when {@code count} is a multiple of {@link #EVERY} (0 included).
   *
   * @param where what is being read, for the reason (a file and line)
   * @throws ReadTimedOut when the deadline has passed
   */
  void check(long count, String where) {
    if (clock != null && count % EVERY == 0 && clock.getAsLong() - deadlineNanos > 0) {
      throw new ReadTimedOut(where);
    }
  }

  /** Checks the clock now. */
  void checkNow(String where) {
    check(0, where);
  }
}
