package dev.faultline.sim.fault;

/** The families of fault the generator draws from; swarm mode switches whole families off. */
public enum FaultKind {
  CRASH,
  PAUSE,
  PARTITION,
  SKEW,
  LOSS,
  DUPLICATE,
  JITTER,
  CLOG;

  /** The lower-case name used in knobs, e.g. {@code faults=crash,partition}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
