package dev.faultline.models.zk;

import dev.faultline.models.raft.RaftApplication;
import dev.faultline.models.raft.RaftNode;
import dev.faultline.models.replog.ReplogMessage;
import dev.faultline.sim.Message;
import dev.faultline.sim.NodeContext;

/**
 * A controller node of a ZooKeeper-mode cluster: a server of the ZooKeeper-like ensemble (the Raft
 * model replicating the store) and, beside it, a Kafka controller candidate with its own session.
 * (In Kafka every broker is a candidate; here the candidates sit on the ensemble's nodes, so that a
 * controller failover in either mode is the failure of one controller node.)
 */
public final class ZkNode implements RaftApplication {
  private final ZkConfig config;
  private final ZkServer server;
  private ZkController controller;

  public ZkNode(ZkConfig config) {
    this.config = config;
    this.server = new ZkServer(config);
  }

  @Override
  public void start(RaftNode node, NodeContext ctx) {
    server.start(node, ctx);
    controller = new ZkController(config, ctx);
    controller.start();
  }

  @Override
  public void onRaftChange() {
    server.onRaftChange();
  }

  @Override
  public void onMessage(int from, Message message) {
    if (message instanceof ZkMessage.Connect
        || message instanceof ZkMessage.Ping
        || message instanceof ZkMessage.Request
        || message instanceof ZkMessage.Status) {
      server.onMessage(from, (ZkMessage) message);
    } else if (message instanceof ZkMessage) {
      controller.client().onMessage(from, message);
    } else if (message instanceof ReplogMessage.AlterIsr a) {
      controller.onAlterIsr(from, a);
    } else if (message instanceof ZkControllerMessage.LeaderAndIsrAck a) {
      controller.channels().onAck(from, a.seq());
    } else if (message instanceof ZkControllerMessage.ControlledShutdownRequest r) {
      controller.onControlledShutdown(from, r.broker());
    }
  }

  @Override
  public void onTimer(Object tag) {
    if (tag instanceof ZkServer.Tick t) {
      server.onTimer(t);
    } else if (tag instanceof ZkController.Tick t) {
      controller.onTimer(t);
    } else if (tag instanceof BrokerChannels.Tick) {
      controller.channels().onTick();
    } else {
      controller.client().onTimer(tag);
    }
  }

  // ---- read by scenarios and tests ----

  /** Whether this node's candidate is the controller and has loaded every partition's state. */
  public boolean isActiveController() {
    return controller.isActive();
  }

  /** The controller epoch this node's candidate holds, or -1. */
  public int controllerEpoch() {
    return controller.epoch();
  }

  /** The leader of {@code p} in this controller's cache, or -1 when it is not the controller. */
  public int leaderOf(int p) {
    PartitionTable t = controller.cache();
    return t == null || p >= t.partitions() ? -1 : t.leader(p);
  }

  /** The partition states this controller holds, or null. */
  public PartitionTable cache() {
    return controller.cache();
  }

  /** When this candidate last became the controller, and when it had loaded (local time), or -1. */
  public long electedMicros() {
    return controller.electedMicros();
  }

  public long loadedMicros() {
    return controller.loadedMicros();
  }

  /** The store's partition states as this server has applied them, or null. */
  public PartitionTable store() {
    return server.tree().partitions();
  }

  /** How many partition states a deposed controller wrote, as this server applied the log. */
  public long deposedWrites() {
    return server.tree().deposedWrites();
  }

  /** The first deposed write this server applied, described, or null. */
  public String firstDeposedWrite() {
    return server.tree().firstDeposedWrite();
  }

  /** The node whose candidate holds {@code /controller} in this server's store, or -1. */
  public int storeController() {
    return server.tree().controllerNode();
  }
}
