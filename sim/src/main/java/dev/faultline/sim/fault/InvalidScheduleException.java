package dev.faultline.sim.fault;

/** A fault schedule that does not fit the simulation: it names a node it lacks, or the past. */
public final class InvalidScheduleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidScheduleException(String message) {
    super(message);
  }
}
