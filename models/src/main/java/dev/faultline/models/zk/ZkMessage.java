package dev.faultline.models.zk;

import dev.faultline.sim.Message;

/**
 * Between ZooKeeper clients and the ensemble. Only the ensemble's leader serves clients (the model
 * forwards nothing: a follower answers {@link NotLeader}); a client reconnects to another server
 * with the same session, which survives as long as it is heard from within its timeout.
 */
public sealed interface ZkMessage extends Message {
  /** Watch flags a session registers when it connects. */
  int WATCH_CONTROLLER = 1;

  int WATCH_BROKERS = 2;

  /** Opens a session ({@code sessionId} -1) or reattaches one, registering {@code watches}. */
  record Connect(long sessionId, long timeoutMicros, int watches) implements ZkMessage {}

  record Connected(long sessionId) implements ZkMessage {}

  /** The session is gone: its ephemeral znodes were deleted. */
  record SessionExpired(long sessionId) implements ZkMessage {}

  record Ping(long sessionId) implements ZkMessage {}

  record Pong(long sessionId) implements ZkMessage {}

  /** The receiver does not lead the ensemble; {@code hint} is the leader it knows, or -1. */
  record NotLeader(int hint) implements ZkMessage {}

  record Request(long sessionId, long requestId, ZkOp op) implements ZkMessage {}

  record Response(long requestId, ZkResult result) implements ZkMessage {}

  /**
   * The server has the request and will answer it (what TCP's acknowledgement gives a real client:
   * it need not send it again unless it reconnects).
   */
  record Received(long requestId) implements ZkMessage {}

  /**
   * A client asks what became of a request the server acknowledged: the server answers again, or
   * acknowledges again while it still works on it, or says {@link Unknown} (a new leader): then the
   * client sends the request itself again. Cheaper than resending a large request.
   */
  record Status(long sessionId, long requestId) implements ZkMessage {}

  record Unknown(long requestId) implements ZkMessage {}

  /** A watched path changed: {@link #WATCH_CONTROLLER} or {@link #WATCH_BROKERS}. */
  record WatchEvent(int kind) implements ZkMessage {}
}
