package dev.faultline.checker.delivery;

import java.util.OptionalLong;

/**
 * One send of the history, invocation and completion joined.
 *
 * @param op where it is in the history
 * @param partition the partition it was sent to
 * @param recordKey the record's key, when the send named one ({@code key [partition recordKey]}),
 *     else {@code null}
 * @param value the record value, unique per send attempt
 * @param outcome what its completion said
 * @param ackOffset the offset its acknowledgement named; empty when not acknowledged or unknown
 */
record SendAttempt(
    OpRef op,
    Object partition,
    Object recordKey,
    Object value,
    Outcome outcome,
    OptionalLong ackOffset) {

  /** What a send's completion tells about whether its record was written. */
  enum Outcome {
    /** ok: written (at {@code ackOffset}, when the producer learned it). */
    ACKNOWLEDGED,
    /** fail: certainly not written. */
    FAILED,
    /** info, or no completion at all: may or may not have been written. */
    INDETERMINATE
  }

  long producer() {
    return op.process();
  }

  boolean acknowledged() {
    return outcome == Outcome.ACKNOWLEDGED;
  }

  /** Whether this send was acknowledged before {@code later} was invoked. */
  boolean acknowledgedBefore(SendAttempt later) {
    return acknowledged() && op.completionIndex() < later.op.invokeIndex();
  }
}
