package dev.faultline.models.kraft;

import java.util.ArrayList;
import java.util.List;

/**
 * The active controller's view of broker liveness (Kafka's BrokerHeartbeatManager): when each
 * registered broker last heartbeat. It lives in memory on the active controller only; a new active
 * controller gives every registered broker a fresh session, as Kafka's does on activation.
 */
final class BrokerSessions {
  private final long timeoutMicros;
  private final long[] lastContact;
  private final boolean[] tracked;

  BrokerSessions(MetadataImage image, long timeoutMicros, long nowMicros) {
    this.timeoutMicros = timeoutMicros;
    this.lastContact = new long[image.brokers()];
    this.tracked = new boolean[image.brokers()];
    for (int b = 0; b < image.brokers(); b++) {
      tracked[b] = image.registered(b);
      lastContact[b] = nowMicros;
    }
  }

  void touch(int broker, long nowMicros) {
    tracked[broker] = true;
    lastContact[broker] = nowMicros;
  }

  /** Whether {@code broker}'s current registration still has a live session. */
  boolean hasValidSession(int broker, long nowMicros) {
    return tracked[broker] && nowMicros - lastContact[broker] <= timeoutMicros;
  }

  /** Unfenced brokers (shutting down included) whose session expired: to be fenced. */
  List<Integer> expired(MetadataImage image, long nowMicros) {
    List<Integer> out = new ArrayList<>();
    for (int b = 0; b < tracked.length; b++) {
      if (tracked[b] && image.registered(b) && !image.fenced(b) && !hasValidSession(b, nowMicros)) {
        out.add(b);
      }
    }
    return out;
  }
}
