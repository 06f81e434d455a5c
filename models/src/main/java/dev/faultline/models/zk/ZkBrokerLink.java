package dev.faultline.models.zk;

import dev.faultline.models.replog.Broker;
import dev.faultline.models.replog.ControlledShutdown;
import dev.faultline.models.replog.ControllerLink;
import dev.faultline.models.replog.PartitionState;
import dev.faultline.models.replog.ReplogMessage;
import dev.faultline.sim.Message;
import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A broker's side of a ZooKeeper-mode cluster: a session holding its ephemeral registration (its
 * liveness as the controller sees it; the registration's creation offset is its broker epoch), and
 * the controller's LeaderAndIsr requests, taken only from a controller epoch at least the newest it
 * has seen, and per partition only when newer than what it holds. It keeps every partition's state
 * in a {@link PartitionTable} to answer clients' metadata requests, sends its replicas' AlterIsr
 * proposals to the controller it last heard from, and asks that controller for a controlled
 * shutdown when told to stop.
 */
public final class ZkBrokerLink implements ControllerLink, ZkClient.Listener {
  private enum Tick {
    RETRY
  }

  private final ZkConfig config;
  private Broker broker;
  private NodeContext ctx;
  private ZkClient client;
  private PartitionTable cache;
  private int seenControllerEpoch = -1;
  private int controller = -1;
  private long brokerEpoch = -1;
  private boolean wantShutDown;
  private long shutDownGrantedMicros = -1;
  private long producerIds;

  public ZkBrokerLink(ZkConfig config) {
    this.config = config;
  }

  @Override
  public void start(Broker b, NodeContext c) {
    this.broker = b;
    this.ctx = c;
    this.cache =
        PartitionTable.unknown(
            config.totalPartitions(),
            config.replog().replicationFactor(),
            config.replog().brokers());
    this.client = new ZkClient(config, c, 0, this);
    client.start();
    c.setTimer(retryMicros(), Tick.RETRY);
  }

  private long retryMicros() {
    return Math.max(1, config.sessionTimeoutMicros() / 3);
  }

  @Override
  public void onConnected(long sessionId, boolean fresh) {
    if (fresh || brokerEpoch < 0) {
      register();
    }
  }

  private void register() {
    long session = client.sessionId();
    client.request(
        new ZkOp.RegisterBroker(session, ctx.self()),
        r -> {
          if (r instanceof ZkResult.Registered g && client.sessionId() == session) {
            brokerEpoch = g.czxid();
          }
          // NodeExists: the previous incarnation's session has not expired yet; retried.
        });
  }

  @Override
  public void onExpired() {
    brokerEpoch = -1; // the client opens a new session; this broker registers again
  }

  @Override
  public void onWatch(int kind) {}

  @Override
  public boolean onTimer(Object tag) {
    if (tag == Tick.RETRY) {
      if (client.connected() && brokerEpoch < 0) {
        register();
      }
      if (wantShutDown && shutDownGrantedMicros < 0 && controller >= 0) {
        ctx.send(controller, new ZkControllerMessage.ControlledShutdownRequest(ctx.self()));
      }
      ctx.setTimer(retryMicros(), Tick.RETRY);
      return true;
    }
    return client.onTimer(tag);
  }

  @Override
  public boolean onMessage(int from, Message message) {
    if (message instanceof ZkMessage) {
      return client.onMessage(from, message);
    }
    if (message instanceof ZkControllerMessage.LeaderAndIsr l) {
      onLeaderAndIsr(from, l);
    } else if (message instanceof ZkControllerMessage.AlterIsrResponse a) {
      if (a.accepted() && from == controller) {
        broker.onStates(List.of(a.state()));
      }
    } else if (message instanceof ZkControllerMessage.ControlledShutdownResponse r) {
      if (r.done() && wantShutDown && shutDownGrantedMicros < 0) {
        shutDownGrantedMicros = ctx.nowMicros();
      }
    } else if (message instanceof ReplogMessage.MetadataRequest) {
      if (seenControllerEpoch >= 0) {
        ctx.send(from, new ReplogMessage.PartitionStates(hotStates()));
      }
    } else if (message instanceof ReplogMessage.InitProducerId) {
      if (brokerEpoch >= 0) {
        long id = ((brokerEpoch * config.replog().brokers() + ctx.self()) << 20) + ++producerIds;
        ctx.send(from, new ReplogMessage.ProducerIdAssigned(id));
      }
    } else if (message instanceof ControlledShutdown) {
      wantShutDown = true;
      if (controller >= 0) {
        ctx.send(controller, new ZkControllerMessage.ControlledShutdownRequest(ctx.self()));
      }
    } else {
      return false;
    }
    return true;
  }

  private void onLeaderAndIsr(int from, ZkControllerMessage.LeaderAndIsr m) {
    ctx.send(from, new ZkControllerMessage.LeaderAndIsrAck(m.seq()));
    if (m.controllerEpoch() < seenControllerEpoch) {
      return; // STALE_CONTROLLER_EPOCH: a deposed controller
    }
    seenControllerEpoch = m.controllerEpoch();
    controller = from;
    int hot = config.replog().partitions();
    List<PartitionState> changed = new ArrayList<>();
    for (int i = 0; i < m.partitions().length; i++) {
      int p = m.partitions()[i];
      int epoch = m.leaderEpochs()[i];
      boolean newer =
          epoch > cache.leaderEpoch(p)
              || (epoch == cache.leaderEpoch(p) && m.versions()[i] > cache.version(p));
      if (newer) {
        cache.set(p, m.leaders()[i], epoch, m.isrs()[i], m.versions()[i]);
        if (p < hot) {
          changed.add(cache.state(p));
        }
      }
    }
    if (!changed.isEmpty()) {
      broker.onStates(changed);
    }
  }

  private List<PartitionState> hotStates() {
    int hot = config.replog().partitions();
    List<PartitionState> out = new ArrayList<>(hot);
    for (int p = 0; p < hot; p++) {
      if (cache.version(p) >= 0) {
        out.add(cache.state(p));
      }
    }
    return out;
  }

  @Override
  public void alterIsr(ReplogMessage.AlterIsr request) {
    if (controller >= 0) {
      ctx.send(controller, request);
    }
  }

  // ---- read by scenarios and tests ----

  /** The partition states this broker holds. */
  public PartitionTable cache() {
    return cache;
  }

  public long brokerEpoch() {
    return brokerEpoch;
  }

  /** When the controller let this broker finish a controlled shutdown (local time), or -1. */
  public long shutDownGrantedMicros() {
    return shutDownGrantedMicros;
  }
}
