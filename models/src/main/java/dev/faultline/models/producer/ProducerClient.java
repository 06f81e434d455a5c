package dev.faultline.models.producer;

import dev.faultline.models.replog.ErrorCode;
import dev.faultline.models.replog.PartitionState;
import dev.faultline.models.replog.ProducerBatch;
import dev.faultline.models.replog.ReplogMessage;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.history.OpLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kafka-style producer and its workload, as one Jepsen process. The workload sends a record with
 * a unique value every interval and logs {@code send} (invoke). A record with a key (drawn from
 * {@code keys} of them) goes where Kafka's default partitioner puts it and is logged with the key
 * {@code [partition key]}; a record without one goes to the sticky partitioner. The producer
 * batches, sends to the partition leader with at most {@code max.in.flight} requests per broker,
 * retries what failed or timed out, and logs each record's outcome: {@code ok [offset value]}
 * (acks=0: {@code ok value}, offset unknown), {@code fail} when it was certainly not written,
 * {@code info} when it may have been.
 *
 * <p>With idempotence it asks the controller for a producer id, numbers each partition's records,
 * resends in sequence order, and after a batch is given up with its sequence unresolved bumps its
 * epoch and restarts its sequences once nothing is in flight (KIP-360), so the broker neither sees
 * a gap nor mistakes a new batch for an old one. A restarted producer is a new instance with a new
 * id: the broker cannot tell its resends from new records.
 */
public final class ProducerClient implements Node {
  private enum Timer {
    GENERATE,
    EXPIRE,
    METADATA,
    /** A batch has lingered long enough to be sent. */
    LINGER
  }

  private record RequestTimeout(long requestId) {
    @Override
    public String toString() {
      return "request-timeout"; // what the trace hashes: cheap and stable
    }
  }

  private static final long EXPIRY_CHECK_MICROS = 25_000;

  private static final long METADATA_REFRESH_MICROS = 100_000;

  private final ProducerConfig config;
  private final OpLog history;
  private final long process;
  private NodeContext ctx;
  private RecordAccumulator accumulator;
  private final Map<Long, PendingBatch> inFlight = new TreeMap<>();
  private final Map<Long, Object> historyKeys = new TreeMap<>(); // value -> its history key
  private StickyPartitioner sticky;
  private PartitionState[] metadata;
  private ProducerIdentity identity;
  private long nextRequestId = 1;
  private long sent;
  private long bootstrapRequests;

  /** {@code process} is this producer's Jepsen process; records are logged to {@code history}. */
  public ProducerClient(ProducerConfig config, OpLog history, long process) {
    this.config = config;
    this.history = history;
    this.process = process;
  }

  @Override
  public void start(NodeContext c) {
    ctx = c;
    accumulator =
        new RecordAccumulator(config.partitions(), config.batchSize(), config.lingerMicros());
    metadata = new PartitionState[config.partitions()];
    identity = new ProducerIdentity(config.partitions());
    sticky = new StickyPartitioner(config.partitions(), config.batchSize());
    c.setRole("producer");
    c.send(bootstrap(), new ReplogMessage.MetadataRequest());
    if (config.idempotence()) {
      c.send(bootstrap(), new ReplogMessage.InitProducerId());
    }
    c.setTimer(config.sendIntervalMicros(), Timer.GENERATE);
    c.setTimer(EXPIRY_CHECK_MICROS, Timer.EXPIRE);
    c.setTimer(METADATA_REFRESH_MICROS, Timer.METADATA);
  }

  /** The node to ask for metadata next: the bootstrap servers in turn. */
  private int bootstrap() {
    return config.controller() + (int) (bootstrapRequests++ % config.bootstrapServers());
  }

  @Override
  public void onTimer(NodeContext c, Object tag) {
    long now = c.nowMicros();
    if (tag == Timer.GENERATE) {
      if (now < config.stopMicros()) {
        if (metadataKnown()) {
          generate(now); // as Kafka's send() blocks until it has metadata
        }
        c.setTimer(config.sendIntervalMicros(), Timer.GENERATE);
      }
    } else if (tag == Timer.EXPIRE) {
      expire(now);
      drain(now);
      if (now < config.stopMicros() + config.deliveryTimeoutMicros() || !idle()) {
        c.setTimer(EXPIRY_CHECK_MICROS, Timer.EXPIRE);
      }
    } else if (tag == Timer.LINGER) {
      drain(now);
    } else if (tag == Timer.METADATA) {
      if (!idle() || now < config.stopMicros()) {
        c.send(bootstrap(), new ReplogMessage.MetadataRequest());
        if (config.idempotence() && !identity.hasId()) {
          c.send(bootstrap(), new ReplogMessage.InitProducerId());
        }
      }
      c.setTimer(METADATA_REFRESH_MICROS, Timer.METADATA);
    } else if (tag instanceof RequestTimeout t) {
      PendingBatch b = inFlight.get(t.requestId());
      if (b != null) {
        disconnect(b.destination, now);
        c.send(bootstrap(), new ReplogMessage.MetadataRequest());
        drain(now);
      }
    }
  }

  private void generate(long now) {
    long value = process * 1_000_000_000L + (++sent);
    int partition;
    Object key;
    if (config.keys() == 0) {
      partition = sticky.next(metadata, ctx.random());
      key = (long) partition;
    } else {
      String recordKey = "key-" + ctx.random().nextInt(config.keys());
      partition = KeyPartitioner.partition(recordKey, config.partitions());
      key = List.of((long) partition, recordKey);
      historyKeys.put(value, key);
    }
    history.invoke(process, "send", key, value);
    if (accumulator.add(partition, value, now) && config.lingerMicros() > 0) {
      ctx.setTimer(config.lingerMicros(), Timer.LINGER);
    }
    drain(now);
  }

  @Override
  public void onMessage(NodeContext c, int from, Message message) {
    long now = c.nowMicros();
    if (message instanceof ReplogMessage.PartitionStates s) {
      for (PartitionState st : s.states()) {
        if (st.partition() < metadata.length && st.newerThan(metadata[st.partition()])) {
          metadata[st.partition()] = st;
        }
      }
      drain(now);
    } else if (message instanceof ReplogMessage.ProducerIdAssigned a) {
      identity.assignId(a.producerId());
      drain(now);
    } else if (message instanceof ReplogMessage.ProduceResponse r) {
      PendingBatch b = inFlight.remove(r.requestId());
      if (b == null) {
        return; // answered already, or given up
      }
      b.requestId = -1;
      c.cancelTimer(b.timeoutTimer);
      if (r.error() == ErrorCode.NONE) {
        for (int i = 0; i < b.values.size(); i++) {
          long v = b.values.get(i);
          history.ok(process, "send", keyOf(b, v), List.of(r.baseOffset() + i, v));
        }
      } else {
        if (r.error() == ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND
            || r.error() == ErrorCode.NOT_LEADER_OR_FOLLOWER) {
          // Appended and then not acknowledged, or a leader that resigned after appending (the
          // answer does not say which): it may yet be committed.
          b.maybeWritten = true;
        }
        if (r.error() == ErrorCode.NOT_LEADER_OR_FOLLOWER
            || r.error() == ErrorCode.FENCED_LEADER_EPOCH
            || r.error() == ErrorCode.UNKNOWN_LEADER_EPOCH) {
          c.send(bootstrap(), new ReplogMessage.MetadataRequest());
        }
        failed(b, r.error(), now);
      }
      drain(now);
    }
  }

  /**
   * A request to {@code broker} timed out: like Kafka's network client, drop the connection and
   * fail every request in flight on it, newest first, so that re-enqueueing each at the front
   * restores their order. Any of them may have landed.
   */
  private void disconnect(int broker, long now) {
    List<Long> ids = new ArrayList<>();
    inFlight.forEach(
        (id, b) -> {
          if (b.destination == broker) {
            ids.add(id);
          }
        });
    for (int i = ids.size() - 1; i >= 0; i--) {
      PendingBatch b = inFlight.remove(ids.get(i));
      b.requestId = -1;
      b.maybeWritten = true;
      failed(b, null, now);
    }
  }

  /** A request for {@code b} failed ({@code error} null: it timed out): retry or give up. */
  private void failed(PendingBatch b, ErrorCode error, long now) {
    boolean expired = now - b.createdMicros >= config.deliveryTimeoutMicros();
    boolean retriable = error == null || error.retriable();
    if (error == ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER) {
      // A gap is expected while an earlier batch of this partition is still being resent.
      retriable = hasEarlierUnresolved(b);
    }
    if (!expired && retriable && b.attempts <= config.retries()) {
      b.retryAtMicros = now + config.retryBackoffMicros();
      accumulator.reenqueue(b, config.idempotence());
      return;
    }
    giveUp(b);
  }

  private boolean hasEarlierUnresolved(PendingBatch b) {
    for (PendingBatch other : inFlight.values()) {
      if (other.partition == b.partition && other.baseSequence < b.baseSequence) {
        return true;
      }
    }
    return accumulator.hasEarlier(b.partition, b.baseSequence);
  }

  /** Logs every record of {@code b} as failed, or as unknown if any attempt may have landed. */
  private void giveUp(PendingBatch b) {
    for (long v : b.values) {
      if (b.maybeWritten) {
        history.info(process, "send", keyOf(b, v), v);
      } else {
        history.fail(process, "send", keyOf(b, v), v);
      }
    }
    if (config.idempotence()) {
      identity.givenUp(b);
    }
  }

  /** Gives up batches past the delivery timeout, queued or in flight. */
  private void expire(long now) {
    long limit = config.deliveryTimeoutMicros();
    for (PendingBatch b : accumulator.removeIf(x -> now - x.createdMicros >= limit)) {
      giveUp(b);
    }
    List<Long> late = new ArrayList<>();
    inFlight.forEach(
        (id, b) -> {
          if (now - b.createdMicros >= limit) {
            late.add(id);
          }
        });
    for (long id : late) {
      PendingBatch b = inFlight.remove(id);
      b.maybeWritten = true;
      giveUp(b);
    }
  }

  private void drain(long now) {
    if (config.idempotence() && (!identity.hasId() || !bumpEpochIfNeeded())) {
      return;
    }
    for (int p = 0; p < config.partitions(); p++) {
      PartitionState st = metadata[p];
      if (st == null || st.leader() < 0) {
        continue;
      }
      while (inFlightTo(st.leader()) < config.maxInFlight() && accumulator.ready(p, now) != null) {
        send(accumulator.poll(p), st.leader());
      }
    }
  }

  /** Bumps the epoch once nothing is in flight; returns whether sending may go on. */
  private boolean bumpEpochIfNeeded() {
    if (!identity.needsBump()) {
      return true;
    }
    if (!inFlight.isEmpty()) {
      return false;
    }
    identity.bump();
    // Batches already sent under the old epoch cannot be resent safely under the new one (the
    // broker would not recognise a copy that landed): give them up.
    accumulator.removeIf(PendingBatch::hasSequence).forEach(this::giveUp);
    return true;
  }

  private int inFlightTo(int broker) {
    int n = 0;
    for (PendingBatch b : inFlight.values()) {
      n += b.destination == broker ? 1 : 0;
    }
    return n;
  }

  private void send(PendingBatch b, int leader) {
    if (config.idempotence()) {
      identity.stamp(b);
    }
    b.attempts++;
    long id = nextRequestId++;
    ProducerBatch batch =
        new ProducerBatch(
            config.idempotence() ? identity.producerId() : -1,
            b.producerEpoch,
            Math.max(0, b.baseSequence),
            b.values);
    ctx.send(leader, new ReplogMessage.Produce(b.partition, id, config.acks(), batch));
    if (config.acks() == 0) {
      for (long v : b.values) {
        history.ok(process, "send", keyOf(b, v), v); // sent; its offset is never known
      }
      return;
    }
    b.requestId = id;
    b.destination = leader;
    inFlight.put(id, b);
    b.timeoutTimer = ctx.setTimer(config.requestTimeoutMicros(), new RequestTimeout(id));
  }

  private boolean metadataKnown() {
    for (PartitionState st : metadata) {
      if (st != null) {
        return true;
      }
    }
    return false;
  }

  /** The key {@code v} was logged with at its invocation; forgotten once it completes. */
  private Object keyOf(PendingBatch b, long v) {
    Object key = historyKeys.remove(v);
    return key == null ? (Object) (long) b.partition : key;
  }

  /** Whether every record this producer was given has an outcome. */
  public boolean idle() {
    return inFlight.isEmpty() && accumulator.all().isEmpty();
  }

  /** The producer id of this instance, or -1 (plain producer, or not yet granted). */
  public long producerId() {
    return identity.producerId();
  }
}
