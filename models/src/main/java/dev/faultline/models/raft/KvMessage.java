package dev.faultline.models.raft;

import dev.faultline.sim.Message;

/** Messages between clients and the cluster. */
public sealed interface KvMessage extends Message {
  /** A client asks a server to run {@code command}; retries resend the same command. */
  record ClientRequest(Command.ClientCommand command) implements KvMessage {}

  /** How a request ended. */
  enum Status {
    /** Applied (or read); {@code value} is the read's value. */
    OK,
    /** A compare-and-set whose compare did not match: it certainly did not apply. */
    CAS_MISMATCH,
    /** The server is not the leader; {@code leaderHint} names the leader it knows, or -1. */
    NOT_LEADER
  }

  /** The answer to the request with session ({@code client}, {@code seq}). */
  record ClientResponse(long client, long seq, Status status, Long value, int leaderHint)
      implements KvMessage {}
}
