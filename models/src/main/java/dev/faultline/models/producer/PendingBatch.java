package dev.faultline.models.producer;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch of records on its way: its records, when the application sent the first, its sequence
 * numbers once first sent (idempotent producers), attempts so far and whether any attempt may have
 * been written (a timeout, NOT_ENOUGH_REPLICAS_AFTER_APPEND): that decides whether giving up is a
 * {@code fail} or an {@code info}.
 */
final class PendingBatch {
  final int partition;
  final long createdMicros;
  final List<Long> values = new ArrayList<>();
  int baseSequence = -1;
  int producerEpoch;
  int attempts;
  boolean maybeWritten;
  boolean sealed;
  long retryAtMicros;
  long requestId = -1; // the request in flight, or -1
  int destination = -1;
  long timeoutTimer = -1;

  PendingBatch(int partition, long createdMicros) {
    this.partition = partition;
    this.createdMicros = createdMicros;
  }

  boolean hasSequence() {
    return baseSequence >= 0;
  }

  boolean inFlight() {
    return requestId >= 0;
  }
}
