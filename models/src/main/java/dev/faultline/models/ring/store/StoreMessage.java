package dev.faultline.models.ring.store;

import dev.faultline.sim.Message;
import java.util.List;

/** Every message of the quorum store: client to coordinator, coordinator to replica, probes. */
public sealed interface StoreMessage extends Message {

  /** How a coordinator answers a client. */
  enum Status {
    /** Enough replicas answered. */
    OK,
    /** Too few replicas were believed reachable, so nothing was sent: certainly not applied. */
    UNAVAILABLE,
    /** Too few replicas answered in time: a write may have been applied on some of them. */
    TIMEOUT
  }

  /** A client asks a coordinator to write {@code value} with the clock the client made. */
  record Put(long requestId, String key, long value, VectorClock clock) implements StoreMessage {}

  /** A client asks a coordinator to read {@code key}. */
  record Get(long requestId, String key) implements StoreMessage {}

  /** The answer to a put; {@code stored} is the version the coordinator made. */
  record PutReply(long requestId, Status status, Version stored, int acks)
      implements StoreMessage {}

  /** The answer to a get: the reconciled versions (more than one under vector clocks: siblings). */
  record GetReply(long requestId, Status status, List<Version> versions, int answers)
      implements StoreMessage {
    public GetReply {
      versions = List.copyOf(versions);
    }
  }

  /**
   * A coordinator asks a replica to merge {@code versions} into its copy of {@code key}: a write,
   * or a read repair. {@code hintFor} names the home replica a stand-in holds the data for, or is
   * null when the receiver is a home replica.
   */
  record Store(long requestId, String key, List<Version> versions, String hintFor)
      implements StoreMessage {
    public Store {
      versions = List.copyOf(versions);
    }
  }

  /** A replica has merged and synced a {@link Store}. */
  record StoreAck(long requestId, String key) implements StoreMessage {}

  /** A coordinator asks a replica for its versions of {@code key}. */
  record Fetch(long requestId, String key) implements StoreMessage {}

  /** A replica's versions of {@code key}. */
  record FetchReply(long requestId, String key, List<Version> versions) implements StoreMessage {
    public FetchReply {
      versions = List.copyOf(versions);
    }
  }

  /** A stand-in hands the versions it holds for a home replica back to it. */
  record Handoff(String key, List<Version> versions) implements StoreMessage {
    public Handoff {
      versions = List.copyOf(versions);
    }
  }

  /** The home replica merged and synced a {@link Handoff} of exactly {@code versions}. */
  record HandoffAck(String key, List<Version> versions) implements StoreMessage {
    public HandoffAck {
      versions = List.copyOf(versions);
    }
  }

  /** A probe of a node the sender suspects is down. */
  record Ping() implements StoreMessage {}

  /** The answer to a probe. */
  record Pong() implements StoreMessage {}
}
