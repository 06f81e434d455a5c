package dev.faultline.models.producer;

/**
 * An idempotent producer's identity and numbering: its producer id (from the controller), its
 * epoch, and the next sequence number of each partition. When a batch is given up with its sequence
 * numbers unresolved, the numbering is spoiled (a gap, or an unknown); the producer then bumps its
 * epoch and starts every partition again from 0 (KIP-360), once nothing is in flight.
 */
final class ProducerIdentity {
  private final int[] nextSequence;
  private long producerId = -1;
  private int epoch;
  private boolean spoiled;

  ProducerIdentity(int partitions) {
    this.nextSequence = new int[partitions];
  }

  boolean hasId() {
    return producerId >= 0;
  }

  void assignId(long id) {
    if (producerId < 0) {
      producerId = id;
    }
  }

  long producerId() {
    return producerId;
  }

  /** Numbers {@code b} on its first send; a retry keeps its numbers. */
  void stamp(PendingBatch b) {
    if (!b.hasSequence()) {
      b.baseSequence = nextSequence[b.partition];
      b.producerEpoch = epoch;
      nextSequence[b.partition] += b.values.size();
    }
  }

  /** {@code b} was given up: if it was numbered in this epoch, the numbering is spoiled. */
  void givenUp(PendingBatch b) {
    if (b.hasSequence() && b.producerEpoch == epoch) {
      spoiled = true;
    }
  }

  boolean needsBump() {
    return spoiled;
  }

  /** A new epoch, every partition from sequence 0. Call only with nothing in flight. */
  void bump() {
    epoch++;
    java.util.Arrays.fill(nextSequence, 0);
    spoiled = false;
  }
}
