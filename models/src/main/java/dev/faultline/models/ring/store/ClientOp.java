package dev.faultline.models.ring.store;

import dev.faultline.models.ring.store.StoreMessage.Status;
import java.util.List;

/**
 * What a client saw of one operation, kept for the scenario's metrics and explanations (the history
 * proper is the simulation's op log).
 *
 * @param write whether it was a write
 * @param key the key
 * @param value the value written, or null for a read
 * @param read the values a read returned (several: siblings); empty for a write
 * @param status the coordinator's answer, or null when the client timed out
 * @param coordinator the server asked
 * @param stored the version a write's coordinator made, or null
 * @param invokeMicros when it started
 * @param completeMicros when it ended
 */
public record ClientOp(
    boolean write,
    String key,
    Long value,
    List<Long> read,
    Status status,
    String coordinator,
    Version stored,
    long invokeMicros,
    long completeMicros) {

  public ClientOp {
    read = List.copyOf(read);
  }

  /** Whether the store refused or could not gather a quorum (not a lost client message). */
  public boolean refused() {
    return status == Status.UNAVAILABLE || status == Status.TIMEOUT;
  }
}
