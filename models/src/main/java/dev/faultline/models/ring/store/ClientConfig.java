package dev.faultline.models.ring.store;

import java.util.List;

/**
 * What one client of the store does: a Jepsen process that reads and writes registers, one
 * operation at a time.
 *
 * @param process the process number the history records
 * @param keys the keys it reads
 * @param writableKeys the keys it may write (a subset of {@code keys})
 * @param coordinators the servers it may send requests to (its side of a partition)
 * @param readFraction the chance that an operation on a writable key is a read
 * @param blindWrites when true, a write carries only the client's own past, not what it last read:
 *     every write is then concurrent with other clients' writes
 * @param thinkMicros mean pause between two operations (exponentially distributed)
 * @param opTimeoutMicros how long the client waits for its coordinator
 * @param stopMicros no operation starts at or after this time
 * @param finalReadsMicros when the client reads every key once more (after the heal), or -1
 */
public record ClientConfig(
    long process,
    List<String> keys,
    List<String> writableKeys,
    List<String> coordinators,
    double readFraction,
    boolean blindWrites,
    long thinkMicros,
    long opTimeoutMicros,
    long stopMicros,
    long finalReadsMicros) {

  public ClientConfig {
    keys = List.copyOf(keys);
    writableKeys = List.copyOf(writableKeys);
    coordinators = List.copyOf(coordinators);
    if (keys.isEmpty() || coordinators.isEmpty()) {
      throw new IllegalArgumentException("a client needs keys and coordinators");
    }
    if (!keys.containsAll(writableKeys)) {
      throw new IllegalArgumentException("a client writes only keys it reads");
    }
    if (thinkMicros <= 0 || opTimeoutMicros <= 0) {
      throw new IllegalArgumentException("think time and timeout must be positive");
    }
  }
}
