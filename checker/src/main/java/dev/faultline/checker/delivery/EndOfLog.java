package dev.faultline.checker.delivery;

/**
 * What the checker may assume about whether consumers read each partition to its end, which decides
 * whether an {@code unseen} acknowledged send counts as lost.
 *
 * <p>An acknowledged record nobody polled is only proof of loss if some consumer looked for it: a
 * consumer that stopped early, or a run that ended before consumers caught up, leaves records
 * unseen but not lost.
 */
public enum EndOfLog {
  /**
   * A partition was read to its end when some consumer's {@code ok} poll of it returned no records
   * and was invoked after the last acknowledgement of a send to it. Workloads must therefore record
   * an empty {@code ok} poll only when the consumer stood at the end of the log (the high
   * watermark); a poll that returned nothing for any other reason, such as a timeout, is recorded
   * as {@code fail}.
   */
  INFERRED,
  /** Every partition was read to its end: each unseen acknowledged send is lost. */
  ASSUMED,
  /** Nothing is known: unseen acknowledged sends are reported but never counted as lost. */
  UNKNOWN
}
