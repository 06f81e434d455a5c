package dev.faultline.models.replog;

import dev.faultline.sim.Message;
import dev.faultline.sim.NodeContext;

/**
 * How a broker reaches the controller of its cluster's mode: a KRaft quorum (registration,
 * heartbeats, the metadata log fetched as an observer), a ZooKeeper-era controller (a session with
 * ephemeral nodes, leader and ISR changes pushed). Without a link the broker heartbeats a single
 * {@link Controller} at {@code config.controller()}.
 *
 * <p>A link is made per broker incarnation, runs inside the broker's handlers and acts only through
 * the broker's context. It hands partition states to the broker with {@link Broker#onStates}; the
 * broker hands it every message and timer first.
 */
public interface ControllerLink {
  /** Called when the broker starts, after its replicas are recovered. */
  void start(Broker broker, NodeContext ctx);

  /** Handles {@code message} if it is the link's (and clients' metadata requests); else false. */
  boolean onMessage(int from, Message message);

  /** Handles a timer of the link's; false if the tag is not its. */
  boolean onTimer(Object tag);

  /** A partition leader asks for a new ISR. */
  void alterIsr(ReplogMessage.AlterIsr request);
}
