package dev.faultline.checker.linear;

/**
 * One key's check, run in turns so that keys share the time budget: the register search with its
 * exact fallback, the unique-value decision, or the general search.
 */
interface KeyCheck {
  /** Runs for up to about {@code quantum} steps; PAUSED when it should be called again. */
  Search.End run(long quantum);

  /** After NOT_LINEARIZABLE: why. */
  Counterexample counterexample(Object key);

  /** How many configurations it has stored (or decisions made), for reports. */
  long configurations();
}
