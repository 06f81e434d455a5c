package dev.faultline.models.replog;

/**
 * Where a transactional id's transaction stands at its coordinator, named as Kafka's {@code
 * TransactionState} names them. Kafka's PrepareEpochFence and Dead are not states here: a fence is
 * written as the PrepareAbort it leads to, and transactional ids never expire.
 *
 * <pre>
 *   Empty, CompleteCommit, CompleteAbort --AddPartitionsToTxn--> Ongoing
 *   Ongoing --EndTxn(commit)--> PrepareCommit --markers acknowledged--> CompleteCommit
 *   Ongoing --EndTxn(abort), fence, timeout--> PrepareAbort --markers acknowledged--> CompleteAbort
 *   Empty, CompleteCommit, CompleteAbort --InitProducerId--> Empty (epoch + 1)
 * </pre>
 */
public enum TxnState {
  EMPTY,
  ONGOING,
  PREPARE_COMMIT,
  PREPARE_ABORT,
  COMPLETE_COMMIT,
  COMPLETE_ABORT;

  /** Whether markers are being written (the outcome is decided, not yet everywhere). */
  public boolean preparing() {
    return this == PREPARE_COMMIT || this == PREPARE_ABORT;
  }

  /** Whether no transaction is open: a new one may begin. */
  public boolean idle() {
    return this == EMPTY || this == COMPLETE_COMMIT || this == COMPLETE_ABORT;
  }
}
