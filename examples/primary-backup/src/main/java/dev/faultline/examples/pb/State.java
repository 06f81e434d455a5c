package dev.faultline.examples.pb;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The store's state, immutable: each key's value, and each client's last applied request, so that a
 * duplicated or late write request is applied once.
 */
public record State(SortedMap<Long, Long> values, SortedMap<Long, Long> lastRequest) {
  public State {
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    lastRequest = Collections.unmodifiableSortedMap(new TreeMap<>(lastRequest));
  }

  static State empty() {
    return new State(new TreeMap<>(), new TreeMap<>());
  }

  /** Whether request {@code reqId} of {@code client} was applied already. */
  boolean applied(long client, long reqId) {
    return lastRequest.getOrDefault(client, -1L) >= reqId;
  }

  /** The state after {@code client}'s write {@code reqId} of {@code value} to {@code key}. */
  State write(long client, long reqId, long key, long value) {
    SortedMap<Long, Long> v = new TreeMap<>(values);
    v.put(key, value);
    SortedMap<Long, Long> last = new TreeMap<>(lastRequest);
    last.put(client, reqId);
    return new State(v, last);
  }
}
