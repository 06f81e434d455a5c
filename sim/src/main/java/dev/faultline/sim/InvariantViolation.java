package dev.faultline.sim;

/** An invariant checked after every event did not hold. */
public final class InvariantViolation extends SimulationException {
  private static final long serialVersionUID = 1L;
  private final String invariant;
  private final String detail;

  public InvariantViolation(
      String invariant, String detail, long seed, long timeMicros, long eventIndex) {
    super("invariant " + invariant + " broken: " + detail, seed, timeMicros, eventIndex, null);
    this.invariant = invariant;
    this.detail = detail;
  }

  public String invariant() {
    return invariant;
  }

  public String detail() {
    return detail;
  }
}
