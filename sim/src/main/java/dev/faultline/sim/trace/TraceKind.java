package dev.faultline.sim.trace;

/** What a trace event records. */
public enum TraceKind {
  SEND,
  DELIVER,
  /** A message dropped: by loss, a partition, or because its receiver was down. */
  DROP,
  /** A message the network will deliver a second time. */
  DUPLICATE,
  TIMER,
  START,
  CRASH,
  RESTART,
  PAUSE,
  RESUME,
  PARTITION,
  HEAL,
  /** A network fault: loss, duplication, jitter, clogging or their end; or a clock skew. */
  NETWORK,
  SKEW,
  /** A node announced its role (leader, follower, ...). */
  ROLE
}
