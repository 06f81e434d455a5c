package dev.faultline.models.replog;

import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A broker: a replica of each partition assigned to it, a heartbeat to the controller, and a
 * periodic ISR check for the partitions it leads. It learns every role from the controller's
 * partition states. After a restart it recovers its logs and high watermarks from disk and
 * registers again; until the controller answers it plays no role.
 */
public final class Broker implements Node {
  private enum Timer {
    HEARTBEAT,
    ISR_CHECK,
    FLUSH,
    WRITEBACK
  }

  private final ReplogConfig config;
  private final ControllerLink link;
  private final FlushPolicy flush;
  private final Map<Integer, PartitionReplica> replicas = new TreeMap<>();
  private PartitionReplica[] byPartition; // the same replicas, for invariants' fast lookups
  private NodeContext ctx;

  public Broker(ReplogConfig config) {
    this(config, null);
  }

  /** A broker reaching its controller through {@code link} (a fresh one per incarnation). */
  public Broker(ReplogConfig config, ControllerLink link) {
    this(config, link, FlushPolicy.everyAppend());
  }

  /** A broker that fsyncs its logs as {@code flush} says. */
  public Broker(ReplogConfig config, ControllerLink link, FlushPolicy flush) {
    this.config = config;
    this.link = link;
    this.flush = flush;
  }

  @Override
  public void start(NodeContext c) {
    this.ctx = c;
    for (int p = 0; p < config.partitions(); p++) {
      if (config.replicas(p).contains(c.self())) {
        replicas.put(p, new PartitionReplica(config, c, p));
      }
    }
    byPartition = new PartitionReplica[config.partitions()];
    replicas.forEach((p, r) -> byPartition[p] = r);
    c.setRole("broker");
    if (link == null) {
      c.send(config.controller(), new ReplogMessage.BrokerHeartbeat(true));
      c.setTimer(config.heartbeatMicros(), Timer.HEARTBEAT);
    } else {
      replicas.values().forEach(r -> r.alterIsrVia(link::alterIsr));
      link.start(this, c);
    }
    c.setTimer(isrCheckMicros(), Timer.ISR_CHECK);
    if (!flush.syncsEveryAppend()) {
      replicas.values().forEach(r -> r.log.flushPolicy(flush));
      if (flush.flushMicros() > 0) {
        c.setTimer(flushCheckMicros(), Timer.FLUSH);
      }
      if (flush.writebackMicros() > 0) {
        c.setTimer(flush.writebackMicros(), Timer.WRITEBACK);
      }
    }
  }

  private long flushCheckMicros() {
    return Math.max(1, flush.flushMicros() / 4);
  }

  private long isrCheckMicros() {
    return Math.max(1, config.replicaLagTimeMicros() / 4);
  }

  @Override
  public void onTimer(NodeContext c, Object tag) {
    if (link != null && link.onTimer(tag)) {
      return;
    }
    if (tag == Timer.HEARTBEAT) {
      c.send(config.controller(), new ReplogMessage.BrokerHeartbeat(false));
      c.setTimer(config.heartbeatMicros(), Timer.HEARTBEAT);
    } else if (tag == Timer.ISR_CHECK) {
      replicas.values().forEach(PartitionReplica::onIsrCheck);
      c.setTimer(isrCheckMicros(), Timer.ISR_CHECK);
    } else if (tag == Timer.FLUSH) {
      replicas.values().forEach(r -> r.log.flushIfDue(c.nowMicros()));
      c.setTimer(flushCheckMicros(), Timer.FLUSH);
    } else if (tag == Timer.WRITEBACK) {
      c.disk().sync(); // the operating system writes the page cache back
      replicas.values().forEach(r -> r.log.writtenBack());
      c.setTimer(flush.writebackMicros(), Timer.WRITEBACK);
    } else if (tag instanceof FollowerRole.FetchTimeout t) {
      replica(t.partition()).onFetchTimer(tag);
    } else if (tag instanceof FollowerRole.FetchBackoff b) {
      replica(b.partition()).onFetchTimer(tag);
    }
  }

  @Override
  public void onMessage(NodeContext c, int from, Message message) {
    if (link != null && link.onMessage(from, message)) {
      return;
    }
    if (!(message instanceof ReplogMessage m)) {
      return;
    }
    if (m instanceof ReplogMessage.PartitionStates s) {
      onStates(s.states());
    } else if (m instanceof ReplogMessage.Fetch f) {
      PartitionReplica r = replicas.get(f.partition());
      if (r != null) {
        r.onFetch(from, f);
      }
    } else if (m instanceof ReplogMessage.FetchResponse r) {
      PartitionReplica rep = replicas.get(r.partition());
      if (rep != null) {
        rep.onFetchResponse(r);
      }
    } else if (m instanceof ReplogMessage.Produce p) {
      PartitionReplica r = replicas.get(p.partition());
      if (r != null) {
        r.onProduce(from, p);
      } else if (p.acks() != 0) {
        c.send(
            from,
            new ReplogMessage.ProduceResponse(
                p.partition(), p.requestId(), ErrorCode.NOT_LEADER_OR_FOLLOWER, -1));
      }
    } else if (m instanceof ReplogMessage.ConsumerFetch f) {
      PartitionReplica r = replicas.get(f.partition());
      if (r != null) {
        r.onConsumerFetch(from, f);
      } else {
        c.send(
            from,
            new ReplogMessage.ConsumerFetchResponse(
                f.partition(),
                f.requestId(),
                ErrorCode.NOT_LEADER_OR_FOLLOWER,
                java.util.List.of()));
      }
    }
  }

  /** Applies the controller's newer states to the replicas this broker holds. */
  public void onStates(List<PartitionState> states) {
    for (PartitionState st : states) {
      PartitionReplica r = replicas.get(st.partition());
      if (r != null) {
        r.onState(st);
      }
    }
  }

  private PartitionReplica replica(int partition) {
    return replicas.get(partition);
  }

  /** How this broker reaches its controller, or null (the single controller node). */
  public ControllerLink link() {
    return link;
  }

  /** This broker's replica of {@code partition}, or null if it holds none. */
  public PartitionReplica partition(int partition) {
    return byPartition[partition];
  }
}
