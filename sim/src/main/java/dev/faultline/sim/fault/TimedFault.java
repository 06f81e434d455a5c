package dev.faultline.sim.fault;

/** A fault and the virtual time, in microseconds, at which it strikes. */
public record TimedFault(long atMicros, Fault fault) implements Comparable<TimedFault> {
  public TimedFault {
    if (atMicros < 0) {
      throw new IllegalArgumentException("a fault time must not be negative");
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
