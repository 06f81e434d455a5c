package dev.faultline.models.replog;

import java.util.function.Consumer;

/**
 * How a partition leader asks the transaction coordinator whether a partition is in a producer's
 * transaction before it appends the producer's first transactional batch (KIP-890's server-side
 * verification, with transaction version 2). The broker sends the question and hands {@code done}
 * the answer, or an error if none comes.
 */
interface TxnVerifier {
  void verify(ProducerBatch batch, int partition, Consumer<ErrorCode> done);
}
