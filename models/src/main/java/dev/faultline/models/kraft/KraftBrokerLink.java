package dev.faultline.models.kraft;

import dev.faultline.models.raft.LogEntry;
import dev.faultline.models.raft.Observer;
import dev.faultline.models.raft.RaftLog;
import dev.faultline.models.raft.RaftMessage;
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
 * A broker's side of a KRaft cluster (KIP-631): it registers with a new incarnation id and gets a
 * broker epoch, heartbeats the active controller (finding it by the controllers' hints), reads the
 * metadata log as a Raft observer and replays what is committed into its own {@link MetadataImage},
 * from which its replicas learn their roles. It may lag the controller: what it knows is what it
 * has fetched. Its heartbeat reports how far it has replayed, so the controller unfences it once it
 * has caught up with its own registration. Partition leaders' ISR proposals go to the active
 * controller as AlterPartition requests carrying the broker epochs it knows.
 *
 * <p>Clients ask brokers, not controllers, for metadata: the link answers from its image. Producer
 * ids are derived from the broker epoch (unique per registration) and a counter, instead of
 * KIP-730's blocks.
 */
public final class KraftBrokerLink implements ControllerLink {
  private enum Tick {
    HEARTBEAT
  }

  private final KraftConfig config;
  private Broker broker;
  private NodeContext ctx;
  private Observer observer;
  private MetadataImage image;
  private long incarnation;
  private long brokerEpoch = -1;
  private int target;
  private boolean fenced = true;
  private boolean awaiting;
  private boolean wantShutDown;
  private long shutDownGrantedMicros = -1;
  private long producerIds;

  public KraftBrokerLink(KraftConfig config) {
    this.config = config;
  }

  @Override
  public void start(Broker b, NodeContext c) {
    this.broker = b;
    this.ctx = c;
    this.image = new MetadataImage(config.replog().brokers());
    this.incarnation = c.random().nextLong();
    this.target = config.raft().voterId(c.random().nextInt(config.raft().voters()));
    this.observer = new Observer(config.raft(), c);
    observer.start();
    register();
    c.setTimer(config.replog().heartbeatMicros(), Tick.HEARTBEAT);
  }

  private void register() {
    awaiting = true;
    ctx.send(target, new KraftMessage.BrokerRegistration(ctx.self(), incarnation));
  }

  private void heartbeat() {
    awaiting = true;
    ctx.send(
        target,
        new KraftMessage.BrokerHeartbeat(
            ctx.self(), brokerEpoch, image.appliedOffset() - 1, wantShutDown));
  }

  @Override
  public boolean onTimer(Object tag) {
    if (tag == Tick.HEARTBEAT) {
      if (awaiting) {
        retarget(-1); // the last request went unanswered: try the next controller
      }
      if (brokerEpoch < 0) {
        register();
      } else {
        heartbeat();
      }
      ctx.setTimer(config.replog().heartbeatMicros(), Tick.HEARTBEAT);
      return true;
    }
    return observer.onTimer(tag);
  }

  /** After no answer or NOT_CONTROLLER: the hinted controller, or the next one. */
  private void retarget(int hint) {
    if (hint >= 0 && config.raft().voterIndex(hint) >= 0) {
      target = hint;
    } else {
      int next = (config.raft().voterIndex(target) + 1) % config.raft().voters();
      target = config.raft().voterId(next);
    }
  }

  @Override
  public boolean onMessage(int from, Message message) {
    if (message instanceof RaftMessage.FetchResponse r) {
      observer.onResponse(from, r);
      replayCommitted();
    } else if (message instanceof KraftMessage m) {
      onControllerAnswer(m);
    } else if (message instanceof ReplogMessage.MetadataRequest) {
      if (image.partitions() > 0) {
        ctx.send(from, new ReplogMessage.PartitionStates(hotStates()));
      }
    } else if (message instanceof ReplogMessage.InitProducerId) {
      if (brokerEpoch >= 0) {
        long id = ((brokerEpoch * config.replog().brokers() + ctx.self()) << 20) + ++producerIds;
        ctx.send(from, new ReplogMessage.ProducerIdAssigned(id));
      }
    } else if (message instanceof ControlledShutdown) {
      wantShutDown = true;
      if (brokerEpoch >= 0) {
        heartbeat();
      }
    } else {
      return false;
    }
    return true;
  }

  private void onControllerAnswer(KraftMessage m) {
    awaiting = false;
    if (m instanceof KraftMessage.BrokerRegistrationResponse r) {
      switch (r.error()) {
        case NONE -> {
          if (brokerEpoch < 0) {
            brokerEpoch = r.brokerEpoch();
            heartbeat();
          }
        }
        case NOT_CONTROLLER -> {
          retarget(r.leaderHint());
          if (r.leaderHint() >= 0) {
            register();
          }
        }
        default -> {
          // DUPLICATE_BROKER_REGISTRATION: the old incarnation's session must expire first.
        }
      }
    } else if (m instanceof KraftMessage.BrokerHeartbeatResponse h) {
      switch (h.error()) {
        case NONE -> {
          fenced = h.fenced();
          if (h.shouldShutDown() && wantShutDown && shutDownGrantedMicros < 0) {
            shutDownGrantedMicros = ctx.nowMicros();
          }
        }
        case NOT_CONTROLLER -> {
          retarget(h.leaderHint());
          if (h.leaderHint() >= 0) {
            heartbeat();
          }
        }
        case STALE_BROKER_EPOCH -> brokerEpoch = -1; // register again
        default -> {}
      }
    } else if (m instanceof KraftMessage.AlterPartitionResponse a) {
      if (a.error() == KraftMessage.Error.NONE) {
        broker.onStates(List.of(a.state()));
      } else if (a.error() == KraftMessage.Error.NOT_CONTROLLER) {
        retarget(a.leaderHint());
      }
    }
  }

  /** Replays what the observer knows committed, and hands changed hot partitions to replicas. */
  private void replayCommitted() {
    RaftLog log = observer.log();
    long limit = Math.min(observer.highWatermark(), log.endOffset());
    List<PartitionState> changed = new ArrayList<>();
    int hot = config.replog().partitions();
    while (image.appliedOffset() < limit) {
      LogEntry e = log.entry(image.appliedOffset());
      image.apply(e);
      if (e.command() instanceof MetadataRecord.CreateTopic) {
        changed.addAll(hotStates());
      } else if (e.command() instanceof MetadataRecord.PartitionChanges c) {
        for (int p : c.partitions()) {
          if (p < hot) {
            changed.add(image.state(p));
          }
        }
      }
    }
    if (!changed.isEmpty()) {
      broker.onStates(changed);
    }
  }

  private List<PartitionState> hotStates() {
    int hot = Math.min(config.replog().partitions(), image.partitions());
    List<PartitionState> out = new ArrayList<>(hot);
    for (int p = 0; p < hot; p++) {
      out.add(image.state(p));
    }
    return out;
  }

  @Override
  public void alterIsr(ReplogMessage.AlterIsr request) {
    if (brokerEpoch < 0 || image.partitions() == 0) {
      return; // not registered yet: the leader retries
    }
    List<Long> epochs = new ArrayList<>(request.isr().size());
    for (int r : request.isr()) {
      epochs.add(r == ctx.self() ? brokerEpoch : image.brokerEpoch(r));
    }
    ctx.send(
        target,
        new KraftMessage.AlterPartition(
            ctx.self(),
            brokerEpoch,
            request.partition(),
            request.leaderEpoch(),
            request.partitionEpoch(),
            request.isr(),
            epochs));
  }

  // ---- read by scenarios and tests ----

  /** The metadata this broker has replayed. */
  public MetadataImage image() {
    return image;
  }

  /** The broker epoch of this incarnation's registration, or -1 before it is granted. */
  public long brokerEpoch() {
    return brokerEpoch;
  }

  /** Whether the controller last said this broker is fenced. */
  public boolean fenced() {
    return fenced;
  }

  /** When the controller let this broker finish a controlled shutdown (local time), or -1. */
  public long shutDownGrantedMicros() {
    return shutDownGrantedMicros;
  }
}
