package dev.faultline.models.raft;

import dev.faultline.sim.Message;
import dev.faultline.sim.NodeContext;

/**
 * A service that runs on a Raft voter above its log, in place of the key-value store: the KRaft
 * controller, the ZooKeeper-like store. It proposes {@link Command.AppRecord}s through {@link
 * RaftNode#propose} while its voter leads, reads the log, and keeps its own state from the entries
 * below the high watermark (or, while leading, from its whole log, since a leader's log is final
 * for its epoch).
 *
 * <p>It must follow the rules of a node: handlers run to completion, and it acts only through the
 * context it is given. Its timer tags must not be {@link Long}s (the voter's own tags are).
 */
public interface RaftApplication {
  /** Called when the voter starts (on a fresh object after every restart), after Raft started. */
  void start(RaftNode node, NodeContext ctx);

  /**
   * Called after every event the voter handled: its role, epoch or high watermark may have changed.
   * It must be cheap when nothing did.
   */
  void onRaftChange();

  /** A message that is not a Raft or key-value message. */
  void onMessage(int from, Message message);

  /** A timer the application set. */
  void onTimer(Object tag);
}
