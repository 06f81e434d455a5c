package dev.faultline.models.producer;

import dev.faultline.models.producer.PipelineConfig.Commit;
import dev.faultline.models.replog.ErrorCode;
import dev.faultline.models.replog.GroupMessage;
import dev.faultline.models.replog.LogEntry;
import dev.faultline.models.replog.PartitionState;
import dev.faultline.models.replog.ReplogMessage;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.history.OpLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The poll loop of a group consumer, Kafka's {@code KafkaConsumer.poll} with its {@code
 * ConsumerCoordinator}: metadata, joining and syncing the group, the committed offsets of newly
 * assigned partitions, fetching, the heartbeat and every timer. What the application does with a
 * batch, and how it commits, is {@link PipelineConsumer}'s.
 */
abstract class GroupPollLoop implements Node {
  /** What the application thread is waiting for. */
  enum App {
    IDLE,
    INIT,
    JOINING,
    SYNCING,
    OFFSETS,
    FETCHING,
    COMMIT_FIRST,
    PROCESSING,
    SINK,
    FLUSHING,
    COMMITTING,
    TXN_ADD,
    TXN_OFFSETS,
    TXN_END,
    STOPPED
  }

  enum Timer {
    LOOP,
    PROCESS,
    HEARTBEAT,
    METADATA,
    DRAIN
  }

  record RequestTimeout(long requestId) {
    @Override
    public String toString() {
      return "request-timeout";
    }
  }

  /** One record of the batch being processed. */
  record Input(int partition, long offset, long value) {}

  static final long METADATA_REFRESH_MICROS = 100_000;

  final PipelineConfig config;
  final OpLog history;
  final long process;
  NodeContext ctx;
  PartitionState[] metadata;
  GroupClient group;
  PipelineOutput output;
  long[] position;
  App app = App.IDLE;
  long pending = -1;
  int fetchPartition;
  long nextRequestId;
  long bootstrapRequests;
  int nextPartition;
  final List<Input> batch = new ArrayList<>();
  int processed;
  final Map<Long, List<List<Long>>> asyncCommits = new TreeMap<>();
  long heartbeatPending = -1;
  int heartbeatGeneration = -1;
  long lastPollMicros;
  long nextAutoCommitMicros;
  boolean consumedSinceCommit;
  boolean revokeCommitDone;
  long commits;
  long commitsFailed;

  GroupPollLoop(PipelineConfig config, OpLog history, long process) {
    this.config = config;
    this.history = history;
    this.process = process;
  }

  @Override
  public void start(NodeContext c) {
    ctx = c;
    int size = Math.max(config.groupPartition(), config.output().coordinatorPartition()) + 1;
    metadata = new PartitionState[size];
    group = new GroupClient(config, c.name());
    output = new PipelineOutput(config.output(), c, config.bootstrapServers());
    position = new long[config.sourcePartitions()];
    Arrays.fill(position, -1);
    nextRequestId = (c.nowMicros() << 10) + 1;
    lastPollMicros = c.nowMicros();
    nextAutoCommitMicros = c.nowMicros() + config.autoCommitIntervalMicros();
    c.setRole("consumer");
    refreshMetadata();
    c.setTimer(METADATA_REFRESH_MICROS, Timer.METADATA);
    c.setTimer(config.heartbeatIntervalMicros(), Timer.HEARTBEAT);
    c.setTimer(config.pollIntervalMicros(), Timer.LOOP);
  }

  void refreshMetadata() {
    int first = config.output().controller();
    ctx.send(
        first + (int) (bootstrapRequests++ % config.bootstrapServers()),
        new ReplogMessage.MetadataRequest());
  }

  int leader(int partition) {
    PartitionState st = metadata[partition];
    return st == null ? -1 : st.leader();
  }

  // ---- requests ----

  /** Sends a request to {@code partition}'s leader and waits for it as {@code next}. */
  void request(App next, int partition, Message m, long requestId) {
    app = next;
    pending = requestId;
    int to = leader(partition);
    if (to >= 0) {
      ctx.send(to, m);
    }
    // A JoinGroup or SyncGroup waits for the rebalance: Kafka's consumer allows it the rebalance
    // timeout beside the request timeout.
    long timeout = config.output().requestTimeoutMicros();
    if (next == App.JOINING || next == App.SYNCING) {
      timeout += config.maxPollIntervalMicros();
    }
    ctx.setTimer(timeout, new RequestTimeout(requestId));
  }

  long id() {
    return nextRequestId++;
  }

  /** An answer that says: ask again later (no coordinator, no leader, busy). */
  void retryLater() {
    pending = -1;
    refreshMetadata();
    App was = app;
    app = App.IDLE;
    retryApp = was;
    ctx.setTimer(config.output().retryBackoffMicros() + 1, Timer.LOOP);
  }

  App retryApp = App.IDLE;

  // ---- the poll loop ----

  void loop() {
    if (app == App.STOPPED || app != App.IDLE) {
      return;
    }
    App retry = retryApp;
    retryApp = App.IDLE;
    if (retry == App.TXN_OFFSETS || retry == App.TXN_END || retry == App.TXN_ADD) {
      resumeTxn(retry);
      return;
    }
    if (retry == App.COMMITTING || retry == App.COMMIT_FIRST) {
      commitSync(retry);
      return;
    }
    lastPollMicros = ctx.nowMicros();
    if (output.needsInit()) {
      app = App.INIT;
      output.init(id(), metadata, this::afterInit);
      return;
    }
    if (group.rejoinNeeded) {
      rejoin();
      return;
    }
    maybeAutoCommit();
    List<Integer> unknown = new ArrayList<>();
    for (int p : group.assigned) {
      if (position[p] < 0) {
        unknown.add(p);
      }
    }
    if (!unknown.isEmpty()) {
      long id = id();
      request(
          App.OFFSETS,
          config.groupPartition(),
          new GroupMessage.OffsetFetch(
              id, config.groupId(), unknown, config.commit() == Commit.TRANSACTIONAL),
          id);
      return;
    }
    fetch();
  }

  void afterInit(boolean ok) {
    if (app != App.INIT) {
      return;
    }
    if (!ok) {
      stop();
      return;
    }
    app = App.IDLE;
    schedule(1);
  }

  void schedule(long delayMicros) {
    ctx.setTimer(Math.max(1, delayMicros), Timer.LOOP);
  }

  /**
   * Before a rejoin ({@code onJoinPrepare}): with auto-commit, commit what was consumed first; the
   * eager protocol then revokes every partition.
   */
  void rejoin() {
    if (config.commit() == Commit.AUTO && group.joined && consumedSinceCommit) {
      if (!revokeCommitDone) {
        revokeCommitDone = true;
        commitSync(App.COMMITTING);
        return;
      }
    }
    revokeCommitDone = false;
    if (group.eager() && !group.assigned.isEmpty()) {
      assign(List.of());
    }
    long id = id();
    request(App.JOINING, config.groupPartition(), group.join(id), id);
  }

  void assign(List<Integer> partitions) {
    for (int p : group.assigned) {
      if (!partitions.contains(p)) {
        position[p] = -1;
      }
    }
    group.assigned = List.copyOf(partitions);
    history.invoke(process, "assign", (long) gen(), group.assigned);
    history.ok(process, "assign", (long) gen(), group.assigned);
  }

  void fetch() {
    List<Integer> mine = group.assigned;
    if (mine.isEmpty()) {
      schedule(config.pollIntervalMicros());
      return;
    }
    int p = mine.get(nextPartition++ % mine.size());
    fetchPartition = p;
    history.invoke(process, "poll", (long) p, null);
    long id = id();
    request(
        App.FETCHING,
        p,
        new ReplogMessage.ConsumerFetch(p, id, position[p], config.maxPollRecords(), false),
        id);
  }

  void onFetched(ReplogMessage.ConsumerFetchResponse r) {
    pending = -1;
    app = App.IDLE;
    int p = r.partition();
    if (r.error() != ErrorCode.NONE || !group.assigned.contains(p) || position[p] < 0) {
      history.fail(process, "poll", (long) p, null);
      refreshMetadata();
      schedule(config.pollIntervalMicros());
      return;
    }
    List<List<Long>> pairs = new ArrayList<>();
    batch.clear();
    processed = 0;
    for (LogEntry e : r.records()) {
      if (e.kind().isMarker() || pairs.size() >= config.maxPollRecords()) {
        continue;
      }
      pairs.add(e.asPair());
      batch.add(new Input(p, e.offset(), e.value()));
    }
    history.ok(process, "poll", (long) p, pairs);
    if (batch.isEmpty()) {
      schedule(config.pollIntervalMicros());
      return;
    }
    position[p] = batch.get(batch.size() - 1).offset() + 1; // poll() moved the position
    consumedSinceCommit = true;
    switch (config.commit()) {
      case BEFORE_PROCESSING -> commitSync(App.COMMIT_FIRST);
      case TRANSACTIONAL -> beginTxn();
      default -> processNext();
    }
  }

  void onGroupMessage(GroupMessage m) {
    if (m instanceof GroupMessage.HeartbeatResponse h) {
      // An answer to a heartbeat of an older generation says nothing about this one.
      if (h.requestId() == heartbeatPending && heartbeatGeneration == group.generation) {
        heartbeatPending = -1;
        group.onError(h.error());
      }
    } else if (m instanceof GroupMessage.OffsetCommitResponse r) {
      onCommitResponse(r);
    } else if (m instanceof GroupMessage.JoinGroupResponse r && r.requestId() == pending) {
      onJoined(r);
    } else if (m instanceof GroupMessage.SyncGroupResponse r && r.requestId() == pending) {
      onSynced(r);
    } else if (m instanceof GroupMessage.OffsetFetchResponse r && r.requestId() == pending) {
      onOffsets(r);
    }
  }

  void onJoined(GroupMessage.JoinGroupResponse r) {
    if (r.error() != ErrorCode.NONE) {
      if (r.error() == ErrorCode.FENCED_INSTANCE_ID) {
        stop(); // fatal in Kafka's consumer
        return;
      }
      group.onError(r.error());
      retryLater();
      return;
    }
    long id = id();
    request(App.SYNCING, config.groupPartition(), group.sync(id, r), id);
  }

  void onSynced(GroupMessage.SyncGroupResponse r) {
    if (r.error() != ErrorCode.NONE) {
      group.onError(r.error());
      group.rejoinNeeded = true;
      retryLater();
      return;
    }
    pending = -1;
    app = App.IDLE;
    group.joined = true;
    group.rejoinNeeded = false;
    List<Integer> before = group.assigned;
    assign(r.assignment());
    if (!group.eager() && !r.assignment().containsAll(before)) {
      group.rejoinNeeded = true; // cooperative: revoked partitions, then a second rebalance
    }
    schedule(1);
  }

  void onOffsets(GroupMessage.OffsetFetchResponse r) {
    if (r.error() != ErrorCode.NONE) {
      retryLater(); // UNSTABLE_OFFSET_COMMIT included: a transaction's offsets are pending
      return;
    }
    pending = -1;
    app = App.IDLE;
    for (int i = 0; i < r.partitions().size(); i++) {
      int p = r.partitions().get(i);
      if (group.assigned.contains(p)) {
        position[p] = Math.max(0, r.offsets().get(i)); // auto.offset.reset=earliest
      }
    }
    schedule(1);
  }

  // ---- timers ----

  @Override
  public void onTimer(NodeContext c, Object tag) {
    if (app == App.STOPPED) {
      return;
    }
    if (tag == Timer.LOOP) {
      loop();
    } else if (tag == Timer.PROCESS && app == App.PROCESSING) {
      effect();
    } else if (tag == Timer.HEARTBEAT) {
      heartbeat();
      c.setTimer(config.heartbeatIntervalMicros(), Timer.HEARTBEAT);
    } else if (tag == Timer.METADATA) {
      refreshMetadata();
      c.setTimer(METADATA_REFRESH_MICROS, Timer.METADATA);
      output.drain(metadata); // a partition that had no leader may have one now
      flushed();
    } else if (tag == Timer.DRAIN) {
      output.drain(metadata);
      flushed();
    } else if (tag instanceof RequestTimeout t && t.requestId() == pending) {
      onRequestTimeout();
    } else {
      PipelineOutput.Trouble t = output.onTimer(tag, c.nowMicros());
      if (t != null) {
        troubled(t);
      }
      output.drain(metadata);
      flushed();
      // A batch to retry waits out the backoff: drain again then.
      c.setTimer(config.output().retryBackoffMicros() + 1, Timer.DRAIN);
    }
  }

  void onRequestTimeout() {
    if (app == App.SINK) {
      long id = id();
      pending = id;
      sinkWrite(id, batch.get(processed)); // resent: an append sink may get it twice
      return;
    }
    if (app == App.FETCHING) {
      history.fail(process, "poll", (long) fetchPartition, null);
    }
    if (app == App.JOINING || app == App.SYNCING) {
      group.rejoinNeeded = true;
    }
    retryLater();
  }

  /**
   * The heartbeat thread: a heartbeat while in a generation; a poll timeout makes the member leave
   * (a dynamic one sends LeaveGroup; a static one only forgets its generation).
   */
  void heartbeat() {
    long now = ctx.nowMicros();
    boolean busy = app != App.IDLE && app != App.JOINING && app != App.SYNCING;
    if (group.joined && busy && now - lastPollMicros > config.maxPollIntervalMicros()) {
      int to = leader(config.groupPartition());
      if (group.dynamic() && to >= 0) {
        ctx.send(to, new GroupMessage.LeaveGroup(id(), config.groupId(), group.memberId));
      }
      group.left();
      return;
    }
    if (group.joined && leader(config.groupPartition()) >= 0) {
      heartbeatPending = id();
      heartbeatGeneration = group.generation;
      ctx.send(leader(config.groupPartition()), group.heartbeat(heartbeatPending));
    }
  }

  int gen() {
    return group.generation;
  }

  // ---- what the application does, in PipelineConsumer ----

  abstract void resumeTxn(App step);

  abstract void commitSync(App next);

  abstract void maybeAutoCommit();

  abstract void beginTxn();

  abstract void processNext();

  abstract void effect();

  abstract void sinkWrite(long id, Input in);

  abstract void troubled(PipelineOutput.Trouble t);

  abstract void flushed();

  abstract void onCommitResponse(GroupMessage.OffsetCommitResponse r);

  abstract void stop();
}
