package dev.faultline.sim;

/**
 * A simulation stopped: a bound was exceeded, an invariant broke, or a node's handler threw. The
 * message names the seed, the virtual time and the event, so the run can be replayed.
 */
public class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long seed;
  private final long timeMicros;
  private final long eventIndex;

  public SimulationException(
      String message, long seed, long timeMicros, long eventIndex, Throwable cause) {
    super(
        message + " (seed " + seed + ", t=" + timeMicros + "us, event " + eventIndex + ")", cause);
    this.seed = seed;
    this.timeMicros = timeMicros;
    this.eventIndex = eventIndex;
  }

  public long seed() {
    return seed;
  }

  public long timeMicros() {
    return timeMicros;
  }

  public long eventIndex() {
    return eventIndex;
  }
}
