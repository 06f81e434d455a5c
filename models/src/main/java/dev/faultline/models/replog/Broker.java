package dev.faultline.models.replog;

import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A broker: a replica of each partition assigned to it, a heartbeat to the controller, a periodic
 * ISR check for the partitions it leads, and, when transactions are configured, the transaction
 * coordinator of the internal partitions it leads, and, when consumer groups are configured, the
 * group coordinator of the offsets partitions it leads. It learns every role from the controller's
 * partition states, and keeps the newest state of every partition to find other leaders. After a
 * restart it recovers its logs and high watermarks from disk and registers again; until the
 * controller answers it plays no role.
 */
public final class Broker implements Node, TxnVerifier {
  private enum Timer {
    HEARTBEAT,
    ISR_CHECK,
    FLUSH,
    WRITEBACK,
    TXN_TIMEOUT_CHECK,
    GROUP_TICK
  }

  /** How often a group coordinator expires sessions and completes joins. */
  private static final long GROUP_TICK_MICROS = 10_000;

  /** A verification unanswered this long fails (the producer retries). */
  private record VerifyTimeout(long requestId) {
    @Override
    public String toString() {
      return "verify-timeout";
    }
  }

  private static final long VERIFY_TIMEOUT_MICROS = 100_000;

  private final ReplogConfig config;
  private final ControllerLink link;
  private final FlushPolicy flush;
  private final Map<Integer, PartitionReplica> replicas = new TreeMap<>();
  private final Map<Long, Consumer<ErrorCode>> verifications = new TreeMap<>();
  private PartitionReplica[] byPartition; // the same replicas, for invariants' fast lookups
  private PartitionState[] metadata;
  private TxnCoordinator coordinator;
  private GroupCoordinator groups;
  private long nextRequestId;
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
        replicas.put(p, new PartitionReplica(config, c, p, this));
      }
    }
    byPartition = new PartitionReplica[config.partitions()];
    metadata = new PartitionState[config.partitions()];
    replicas.forEach((p, r) -> byPartition[p] = r);
    nextRequestId = (c.nowMicros() << 10) + 1;
    c.setRole("broker");
    if (link == null) {
      c.send(config.controller(), new ReplogMessage.BrokerHeartbeat(true));
      c.setTimer(config.heartbeatMicros(), Timer.HEARTBEAT);
    } else {
      replicas.values().forEach(r -> r.alterIsrVia(link::alterIsr));
      link.start(this, c);
    }
    c.setTimer(isrCheckMicros(), Timer.ISR_CHECK);
    if (config.txn().statePartitions() > 0) {
      coordinator = new TxnCoordinator(config, c, p -> byPartition[p], p -> metadata[p]);
      c.setTimer(config.txn().abortCheckMicros(), Timer.TXN_TIMEOUT_CHECK);
    }
    if (config.txn().offsetsPartitions() > 0) {
      groups = new GroupCoordinator(config, c, p -> byPartition[p]);
      c.setTimer(GROUP_TICK_MICROS, Timer.GROUP_TICK);
    }
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
    } else if (tag == Timer.TXN_TIMEOUT_CHECK) {
      coordinator.abortTimedOut();
      c.setTimer(config.txn().abortCheckMicros(), Timer.TXN_TIMEOUT_CHECK);
    } else if (tag == Timer.GROUP_TICK) {
      groups.tick();
      c.setTimer(GROUP_TICK_MICROS, Timer.GROUP_TICK);
    } else if (tag instanceof TxnMarkerSender.Tick) {
      coordinator.markers().onTick();
    } else if (tag instanceof VerifyTimeout t) {
      Consumer<ErrorCode> done = verifications.remove(t.requestId());
      if (done != null) {
        done.accept(ErrorCode.NOT_COORDINATOR);
      }
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
    if (message instanceof GroupMessage g) {
      if (groups != null && g.group() != null) {
        groups.onMessage(from, g);
      }
      return;
    }
    if (!(message instanceof ReplogMessage m)) {
      return;
    }
    if (m instanceof ReplogMessage.PartitionStates s) {
      onStates(s);
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
                List.of(),
                -1,
                -1,
                List.of()));
      }
    } else {
      onTransactional(from, m);
    }
  }

  private void onStates(ReplogMessage.PartitionStates s) {
    for (PartitionState st : s.states()) {
      if (st.partition() < metadata.length && st.newerThan(metadata[st.partition()])) {
        metadata[st.partition()] = st;
      }
      PartitionReplica r = replicas.get(st.partition());
      if (r != null) {
        r.onState(st);
        if (coordinator != null && config.isTxnStatePartition(st.partition())) {
          coordinator.onLeadership(r);
        }
        if (groups != null && config.isOffsetsPartition(st.partition())) {
          groups.onLeadership(r);
        }
      }
    }
  }

  /** Offsets, markers and the coordinator's requests; partitions this broker lacks say so. */
  private void onTransactional(int from, ReplogMessage m) {
    if (m instanceof ReplogMessage.ListOffsets l) {
      PartitionReplica r = replicas.get(l.partition());
      if (r != null) {
        r.onListOffsets(from, l);
      } else {
        ctx.send(
            from,
            new ReplogMessage.ListOffsetsResponse(
                l.partition(), l.requestId(), ErrorCode.NOT_LEADER_OR_FOLLOWER, -1));
      }
    } else if (m instanceof ReplogMessage.WriteTxnMarker w) {
      PartitionReplica r = replicas.get(w.partition());
      if (r != null) {
        r.onMarker(from, w);
      } else {
        ctx.send(
            from,
            new ReplogMessage.WriteTxnMarkerResponse(
                w.partition(), w.requestId(), ErrorCode.NOT_LEADER_OR_FOLLOWER));
      }
    } else if (m instanceof ReplogMessage.AddPartitionsToTxnResponse a) {
      Consumer<ErrorCode> done = verifications.remove(a.requestId());
      if (done != null) {
        done.accept(a.error());
      }
    } else if (coordinator == null) {
      return; // no transactions configured: nothing else is addressed to a broker
    } else if (m instanceof ReplogMessage.WriteTxnMarkerResponse w) {
      coordinator.markers().onResponse(w);
    } else if (m instanceof ReplogMessage.InitTxnProducerId i) {
      coordinator.onInit(from, i);
    } else if (m instanceof ReplogMessage.AddPartitionsToTxn a) {
      coordinator.onAddPartitions(from, a);
    } else if (m instanceof ReplogMessage.EndTxn e) {
      coordinator.onEndTxn(from, e);
    }
  }

  /** Asks the coordinator of the batch's transactional id whether the partition is in it. */
  @Override
  public void verify(ProducerBatch batch, int partition, Consumer<ErrorCode> done) {
    PartitionState st = metadata[config.txnStatePartition(batch.transactionalId())];
    if (st == null || st.leader() < 0) {
      done.accept(ErrorCode.NOT_COORDINATOR);
      return;
    }
    long id = nextRequestId++;
    verifications.put(id, done);
    ctx.send(
        st.leader(),
        new ReplogMessage.AddPartitionsToTxn(
            id,
            batch.transactionalId(),
            batch.producerId(),
            batch.producerEpoch(),
            List.of(partition),
            true));
    ctx.setTimer(VERIFY_TIMEOUT_MICROS, new VerifyTimeout(id));
  }

  /** Applies the controller's newer states (as a {@link ControllerLink} learns them). */
  public void onStates(List<PartitionState> states) {
    onStates(new ReplogMessage.PartitionStates(states));
  }

  private PartitionReplica replica(int partition) {
    return replicas.get(partition);
  }

  /** How this broker reaches its controller, or null (the single controller node). */
  public ControllerLink link() {
    return link;
  }

  /**
   * The state this broker's coordinator holds for {@code transactionalId}, or null when it does not
   * coordinate it.
   */
  public TxnMetadata coordinatorState(String transactionalId) {
    return coordinator == null ? null : coordinator.state(transactionalId);
  }

  /** The generation of {@code groupId} if this broker coordinates it, or -1 (tests, metrics). */
  public int groupGeneration(String groupId) {
    return groups == null ? -1 : groups.generation(groupId);
  }

  /** This broker's replica of {@code partition}, or null if it holds none. */
  public PartitionReplica partition(int partition) {
    return byPartition[partition];
  }
}
