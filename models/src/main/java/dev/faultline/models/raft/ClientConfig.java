package dev.faultline.models.raft;

/**
 * The workload of one key-value client.
 *
 * @param servers the servers are nodes 0..servers-1
 * @param keys the client works on keys 0..keys-1
 * @param thinkMicros mean pause between one operation's end and the next one's start
 * @param attemptTimeoutMicros how long one attempt waits for an answer before trying elsewhere
 * @param opTimeoutMicros how long an operation is retried before its outcome is recorded unknown
 * @param readFraction share of reads among operations
 * @param casFraction share of compare-and-sets (the rest are writes)
 */
public record ClientConfig(
    int servers,
    int keys,
    long thinkMicros,
    long attemptTimeoutMicros,
    long opTimeoutMicros,
    double readFraction,
    double casFraction) {
  public ClientConfig {
    if (servers < 1 || keys < 1) {
      throw new IllegalArgumentException("a client needs servers and keys");
    }
    if (thinkMicros < 0 || attemptTimeoutMicros <= 0 || opTimeoutMicros <= 0) {
      throw new IllegalArgumentException("client timings must be positive");
    }
    if (readFraction < 0 || casFraction < 0 || readFraction + casFraction > 1) {
      throw new IllegalArgumentException("read and cas fractions must add up to at most 1");
    }
  }
}
