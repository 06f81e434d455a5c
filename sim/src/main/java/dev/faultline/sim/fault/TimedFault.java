package dev.faultline.sim.fault;

/** A fault and the virtual time, in microseconds, at which it strikes. */
public record TimedFault(long atMicros, Fault fault) implements Comparable<TimedFault> {
  /**
   * The latest time a fault may name: 1,000,000 s, far past any run (a scenario's phases are at
   * most hours), and far from the overflow of a {@code long} of microseconds.
   */
  public static final long MAX_MICROS = 1_000_000L * 1_000_000L;

  public TimedFault {
    if (atMicros < 0) {
      throw new IllegalArgumentException("a fault time must not be negative");
    }
    if (atMicros > MAX_MICROS) {
      throw new IllegalArgumentException("a fault time must be at most 1000000s");
    }
    if (fault == null) {
      throw new IllegalArgumentException("a timed fault needs a fault");
    }
  }

  /** One line: the time in seconds with six decimals, then the fault. */
  public String print() {
    return FaultSchedule.formatTime(atMicros) + " " + fault.print();
  }

  @Override
  public int compareTo(TimedFault o) {
    return Long.compare(atMicros, o.atMicros);
  }
}
