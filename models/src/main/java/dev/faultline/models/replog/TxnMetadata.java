package dev.faultline.models.replog;

import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's record of one transactional id, as it writes it to its internal partition
 * (Kafka's {@code TransactionMetadata} in the {@code __transaction_state} log). Immutable: every
 * transition writes a new one.
 *
 * @param transactionalId the id
 * @param producerId the producer id the id holds
 * @param producerEpoch the current epoch: older epochs are fenced
 * @param state where the transaction stands
 * @param partitions the data partitions in the transaction, ascending
 * @param startMicros when it became Ongoing, on the coordinator's clock (for the timeout)
 * @param timeoutMicros {@code transaction.timeout.ms}
 */
public record TxnMetadata(
    String transactionalId,
    long producerId,
    int producerEpoch,
    TxnState state,
    List<Integer> partitions,
    long startMicros,
    long timeoutMicros)
    implements StateRecord {
  public TxnMetadata {
    partitions = List.copyOf(partitions);
  }

  TxnMetadata with(TxnState s) {
    return new TxnMetadata(
        transactionalId, producerId, producerEpoch, s, partitions, startMicros, timeoutMicros);
  }

  TxnMetadata withEpoch(int epoch) {
    return new TxnMetadata(
        transactionalId, producerId, epoch, state, partitions, startMicros, timeoutMicros);
  }

  /**
   * Ongoing, with {@code added} joined to the partitions (or replacing them after a completion).
   */
  TxnMetadata ongoingWith(List<Integer> added, long nowMicros) {
    List<Integer> all = new ArrayList<>(state == TxnState.ONGOING ? partitions : List.of());
    for (int p : added) {
      if (!all.contains(p)) {
        all.add(p);
      }
    }
    all.sort(Integer::compare);
    long start = state == TxnState.ONGOING ? startMicros : nowMicros;
    return new TxnMetadata(
        transactionalId, producerId, producerEpoch, TxnState.ONGOING, all, start, timeoutMicros);
  }
}
