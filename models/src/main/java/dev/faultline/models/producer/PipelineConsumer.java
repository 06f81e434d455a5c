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
 * A consume-transform-produce member of a consumer group, as one Jepsen process: Kafka's poll loop
 * with the application inside it. Each turn of the loop is one {@code poll()}: an auto-commit when
 * due, a rejoin when the group asked for one, the committed offsets of newly assigned partitions,
 * then a fetch of up to {@code max.poll.records} from one assigned partition. The application then
 * processes each record ({@code processingMicros}; its effect: a row to the sink, acknowledged, and
 * the record to the output topic) and commits as {@link Commit} says. The heartbeat runs beside it.
 *
 * <p>History: {@code assign} at every new assignment (value: the partitions; the delivery checker
 * forgets positions there, Jepsen's rule for subscribed consumers), {@code poll} (key the
 * partition, value {@code [[offset value] ...]}), {@code process} (key the partition, value {@code
 * [offset value generation]}), {@code commit} (key the generation, value {@code [[partition offset]
 * ...]}: ok once the coordinator stored it, fail when fenced).
 */
public final class PipelineConsumer implements Node {
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

  private enum Timer {
    LOOP,
    PROCESS,
    HEARTBEAT,
    METADATA
  }

  private record RequestTimeout(long requestId) {
    @Override
    public String toString() {
      return "request-timeout";
    }
  }

  /** One record of the batch being processed. */
  private record Input(int partition, long offset, long value) {}

  private static final long METADATA_REFRESH_MICROS = 100_000;

  private final PipelineConfig config;
  private final OpLog history;
  private final long process;
  private NodeContext ctx;
  private PartitionState[] metadata;
  private GroupClient group;
  private PipelineOutput output;
  private long[] position;
  private App app = App.IDLE;
  private long pending = -1;
  private int fetchPartition;
  private long nextRequestId;
  private long bootstrapRequests;
  private int nextPartition;
  private final List<Input> batch = new ArrayList<>();
  private int processed;
  private final Map<Long, List<List<Long>>> asyncCommits = new TreeMap<>();
  private long heartbeatPending = -1;
  private int heartbeatGeneration = -1;
  private long lastPollMicros;
  private long nextAutoCommitMicros;
  private boolean consumedSinceCommit;
  private boolean revokeCommitDone;
  private long commits;
  private long commitsFailed;

  public PipelineConsumer(PipelineConfig config, OpLog history, long process) {
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

  private void refreshMetadata() {
    int first = config.output().controller();
    ctx.send(
        first + (int) (bootstrapRequests++ % config.bootstrapServers()),
        new ReplogMessage.MetadataRequest());
  }

  private int leader(int partition) {
    PartitionState st = metadata[partition];
    return st == null ? -1 : st.leader();
  }

  // ---- requests ----

  /** Sends a request to {@code partition}'s leader and waits for it as {@code next}. */
  private void request(App next, int partition, Message m, long requestId) {
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

  private long id() {
    return nextRequestId++;
  }

  /** An answer that says: ask again later (no coordinator, no leader, busy). */
  private void retryLater() {
    pending = -1;
    refreshMetadata();
    App was = app;
    app = App.IDLE;
    retryApp = was;
    ctx.setTimer(config.output().retryBackoffMicros() + 1, Timer.LOOP);
  }

  private App retryApp = App.IDLE;

  // ---- the poll loop ----

  private void loop() {
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

  private void afterInit(boolean ok) {
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

  private void schedule(long delayMicros) {
    ctx.setTimer(Math.max(1, delayMicros), Timer.LOOP);
  }

  /**
   * Before a rejoin ({@code onJoinPrepare}): with auto-commit, commit what was consumed first; the
   * eager protocol then revokes every partition.
   */
  private void rejoin() {
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

  private void assign(List<Integer> partitions) {
    for (int p : group.assigned) {
      if (!partitions.contains(p)) {
        position[p] = -1;
      }
    }
    group.assigned = List.copyOf(partitions);
    history.invoke(process, "assign", (long) gen(), group.assigned);
    history.ok(process, "assign", (long) gen(), group.assigned);
  }

  private void fetch() {
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

  private void onFetched(ReplogMessage.ConsumerFetchResponse r) {
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

  // ---- processing ----

  private void processNext() {
    if (processed >= batch.size()) {
      app = App.FLUSHING;
      flushed();
      return;
    }
    app = App.PROCESSING;
    ctx.setTimer(config.processingMicros(), Timer.PROCESS);
  }

  /** The record's processing is done: its effect goes out. */
  private void effect() {
    Input in = batch.get(processed);
    if (config.sink() >= 0) {
      long id = id();
      app = App.SINK;
      pending = id;
      sinkWrite(id, in);
      return;
    }
    emitted(in);
  }

  private void sinkWrite(long id, Input in) {
    ctx.send(
        config.sink(),
        new SinkMessage.Write(id, in.value(), in.partition(), in.offset(), ctx.name(), gen()));
    ctx.setTimer(config.output().requestTimeoutMicros(), new RequestTimeout(id));
  }

  private void emitted(Input in) {
    output.add(config.outputPartition(in.partition()), in.value(), ctx.nowMicros());
    output.drain(metadata);
    history.invoke(process, "process", (long) in.partition(), null);
    history.ok(
        process, "process", (long) in.partition(), List.of(in.offset(), in.value(), (long) gen()));
    processed++;
    processNext();
  }

  private int gen() {
    return group.generation;
  }

  /** Outputs flushed: commit as the mode says, or go on. */
  private void flushed() {
    if (app != App.FLUSHING || !output.flushed()) {
      return;
    }
    app = App.IDLE;
    switch (config.commit()) {
      case AFTER_PROCESSING -> commitSync(App.COMMITTING);
      case TRANSACTIONAL -> resumeTxn(App.TXN_OFFSETS);
      default -> schedule(1);
    }
  }

  // ---- commits ----

  private List<Integer> owned() {
    List<Integer> out = new ArrayList<>();
    for (int p : group.assigned) {
      if (position[p] >= 0) {
        out.add(p);
      }
    }
    return out;
  }

  private List<Long> positions(List<Integer> partitions) {
    List<Long> out = new ArrayList<>();
    partitions.forEach(p -> out.add(position[p]));
    return out;
  }

  private static List<List<Long>> pairs(List<Integer> partitions, List<Long> offsets) {
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i < partitions.size(); i++) {
      out.add(List.of((long) partitions.get(i), offsets.get(i)));
    }
    return out;
  }

  /** commitSync of the consumed positions; {@code next} says what follows it. */
  private void commitSync(App next) {
    List<Integer> ps = owned();
    if (ps.isEmpty() || group.generation < 0) {
      commitDone(next, ps.isEmpty() ? ErrorCode.NONE : ErrorCode.ILLEGAL_GENERATION);
      return;
    }
    List<Long> offsets = positions(ps);
    long id = id();
    history.invoke(process, "commit", (long) gen(), pairs(ps, offsets));
    asyncCommits.put(id, pairs(ps, offsets));
    request(next, config.groupPartition(), group.commit(id, ps, offsets, -1, -1), id);
  }

  /** A synchronous commit answered (or refused locally: not in an active group). */
  private void commitDone(App was, ErrorCode e) {
    pending = -1;
    app = App.IDLE;
    if (e != ErrorCode.NONE) {
      group.onError(e);
      group.rejoinNeeded = true;
      if (was == App.COMMIT_FIRST) {
        batch.clear(); // CommitFailedException before processing: the batch is not processed
      }
      schedule(1);
      return;
    }
    consumedSinceCommit = false;
    if (was == App.COMMIT_FIRST) {
      processNext();
    } else {
      schedule(1);
    }
  }

  private void onCommitResponse(GroupMessage.OffsetCommitResponse r) {
    List<List<Long>> what = asyncCommits.remove(r.requestId());
    if (what != null) {
      logCommit(r.error(), what);
    }
    if (r.requestId() != pending) {
      return;
    }
    if (retriable(r.error())) {
      retryLater();
      return;
    }
    if (app == App.TXN_OFFSETS) {
      onTxnOffsets(r.error());
    } else {
      commitDone(app, r.error());
    }
  }

  private void logCommit(ErrorCode e, List<List<Long>> what) {
    if (e == ErrorCode.NONE) {
      commits++;
      history.ok(process, "commit", (long) gen(), what);
    } else {
      commitsFailed++;
      history.fail(process, "commit", (long) gen(), what);
    }
  }

  private static boolean retriable(ErrorCode e) {
    return e == ErrorCode.NOT_COORDINATOR
        || e == ErrorCode.COORDINATOR_NOT_AVAILABLE
        || e == ErrorCode.CONCURRENT_TRANSACTIONS;
  }

  /**
   * {@code enable.auto.commit}: a poll commits, asynchronously, the positions after the records
   * earlier polls returned, once {@code auto.commit.interval.ms} has passed (Kafka's {@code
   * maybeAutoCommitOffsetsAsync}, called from {@code poll} before it fetches).
   */
  private void maybeAutoCommit() {
    long now = ctx.nowMicros();
    if (config.commit() != Commit.AUTO || now < nextAutoCommitMicros || !group.joined) {
      return;
    }
    nextAutoCommitMicros = now + config.autoCommitIntervalMicros();
    List<Integer> ps = owned();
    if (ps.isEmpty() || !consumedSinceCommit) {
      return;
    }
    List<Long> offsets = positions(ps);
    long id = id();
    history.invoke(process, "commit", (long) gen(), pairs(ps, offsets));
    asyncCommits.put(id, pairs(ps, offsets));
    consumedSinceCommit = false;
    int to = leader(config.groupPartition());
    if (to >= 0) {
      ctx.send(to, group.commit(id, ps, offsets, -1, -1));
    }
  }

  // ---- transactions (commit=transactional) ----

  private void beginTxn() {
    List<Integer> parts = new ArrayList<>();
    for (Input in : batch) {
      int out = config.outputPartition(in.partition());
      if (!parts.contains(out)) {
        parts.add(out);
      }
    }
    parts.add(config.groupPartition()); // AddOffsetsToTxn: the group's offsets partition
    output.beginTxn(parts);
    resumeTxn(App.TXN_ADD);
  }

  private void resumeTxn(App step) {
    long id = id();
    int coordinator = config.output().coordinatorPartition();
    switch (step) {
      case TXN_ADD -> request(App.TXN_ADD, coordinator, output.addPartitions(id), id);
      case TXN_OFFSETS -> {
        List<Integer> ps = owned();
        List<Long> offsets = positions(ps);
        history.invoke(process, "commit", (long) gen(), pairs(ps, offsets));
        txnCommitted = pairs(ps, offsets);
        request(
            App.TXN_OFFSETS,
            config.groupPartition(),
            group.commit(id, ps, offsets, output.producerId(), output.epoch()),
            id);
      }
      case TXN_END -> request(App.TXN_END, coordinator, output.endTxn(id, txnCommit), id);
      default -> throw new IllegalStateException("not a transaction step: " + step);
    }
  }

  private List<List<Long>> txnCommitted = List.of();
  private boolean txnCommit;

  private void onTxnOffsets(ErrorCode e) {
    pending = -1;
    if (e == ErrorCode.NONE) {
      txnCommit = true;
    } else {
      // CommitFailedException (fenced by generation, KIP-447): abort, and rewind to the committed.
      history.fail(process, "commit", (long) gen(), txnCommitted);
      commitsFailed++;
      group.onError(e);
      txnCommit = false;
    }
    resumeTxn(App.TXN_END);
  }

  private void abortTxn() {
    if (app == App.TXN_OFFSETS || app == App.TXN_END) {
      return;
    }
    batch.clear();
    txnCommit = false;
    output.dropUnsent();
    app = App.IDLE;
    pending = -1;
    resumeTxn(App.TXN_END);
  }

  private void onEndTxn(ReplogMessage.EndTxnResponse r) {
    if (r.error() == ErrorCode.CONCURRENT_TRANSACTIONS || retriable(r.error())) {
      retryLater();
      return;
    }
    pending = -1;
    app = App.IDLE;
    ErrorCode e = r.error();
    if (e == ErrorCode.PRODUCER_FENCED || e == ErrorCode.INVALID_PRODUCER_EPOCH) {
      if (txnCommit) {
        history.info(process, "commit", (long) gen(), txnCommitted);
      }
      stop();
      return;
    }
    output.ended(r, e == ErrorCode.NONE);
    if (e == ErrorCode.NONE && txnCommit) {
      commits++;
      history.ok(process, "commit", (long) gen(), txnCommitted);
      consumedSinceCommit = false;
    } else {
      if (txnCommit) {
        history.info(process, "commit", (long) gen(), txnCommitted);
      }
      rewind();
    }
    txnCommit = false;
    schedule(1);
  }

  /** After an abort: read again from the committed offsets (Kafka's EOS examples seek there). */
  private void rewind() {
    for (int p : group.assigned) {
      position[p] = -1;
    }
    history.invoke(process, "assign", (long) gen(), group.assigned);
    history.ok(process, "assign", (long) gen(), group.assigned);
  }

  private void stop() {
    app = App.STOPPED;
    pending = -1;
    output.clear();
  }

  // ---- messages ----

  @Override
  public void onMessage(NodeContext c, int from, Message message) {
    if (app == App.STOPPED) {
      return;
    }
    if (message instanceof ReplogMessage.PartitionStates s) {
      for (PartitionState st : s.states()) {
        if (st.partition() < metadata.length && st.newerThan(metadata[st.partition()])) {
          metadata[st.partition()] = st;
        }
      }
    } else if (message instanceof GroupMessage g) {
      onGroupMessage(g);
    } else if (message instanceof SinkMessage.Ack a && a.requestId() == pending) {
      pending = -1;
      emitted(batch.get(processed));
    } else if (message instanceof ReplogMessage m) {
      onReplogMessage(m);
    }
  }

  private void onReplogMessage(ReplogMessage m) {
    if (m instanceof ReplogMessage.ConsumerFetchResponse r && r.requestId() == pending) {
      onFetched(r);
    } else if (m instanceof ReplogMessage.ProduceResponse r) {
      PipelineOutput.Trouble t = output.onResponse(r, ctx.nowMicros());
      troubled(t);
      output.drain(metadata);
      flushed();
    } else if (output.onCoordinatorAnswer(m)) {
      return;
    } else if (m instanceof ReplogMessage.AddPartitionsToTxnResponse r
        && r.requestId() == pending) {

      if (retriable(r.error())) {
        retryLater();
      } else if (r.error() == ErrorCode.NONE) {
        pending = -1;
        output.partitionsAdded();
        processNext();
      } else if (r.error() == ErrorCode.PRODUCER_FENCED) {
        stop();
      } else {
        pending = -1;
        app = App.IDLE;
        abortTxn();
      }
    } else if (m instanceof ReplogMessage.EndTxnResponse r && r.requestId() == pending) {
      onEndTxn(r);
    }
  }

  private void troubled(PipelineOutput.Trouble t) {
    if (t == PipelineOutput.Trouble.FENCED) {
      stop();
    } else if (t == PipelineOutput.Trouble.ABORTABLE) {
      if (config.commit() == Commit.TRANSACTIONAL) {
        abortTxn();
      } else {
        output.dropUnsent(); // the records are given up: the output lacks them
        flushed();
      }
    }
  }

  private void onGroupMessage(GroupMessage m) {
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

  private void onJoined(GroupMessage.JoinGroupResponse r) {
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

  private void onSynced(GroupMessage.SyncGroupResponse r) {
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

  private void onOffsets(GroupMessage.OffsetFetchResponse r) {
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
    } else if (tag instanceof RequestTimeout t && t.requestId() == pending) {
      onRequestTimeout();
    } else {
      PipelineOutput.Trouble t = output.onTimer(tag, c.nowMicros());
      if (t != null) {
        troubled(t);
      }
      output.drain(metadata);
      flushed();
    }
  }

  private void onRequestTimeout() {
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
  private void heartbeat() {
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

  // ---- what the scenario observes ----

  /** Where the application stands (the nemesis aims its crash between processing and commit). */
  public String step() {
    return app.name();
  }

  /**
   * Whether the consumer stands between processing and committing: commit=before-processing, the
   * commit is stored and the records not yet processed; after-processing, records of the batch are
   * processed and the commit not yet sent; auto, a processed batch awaits the next auto-commit;
   * transactional, the offsets and the commit are on their way.
   */
  public boolean betweenProcessAndCommit() {
    return switch (config.commit()) {
      case BEFORE_PROCESSING -> app == App.PROCESSING && processed == 0;
      case AFTER_PROCESSING -> app == App.FLUSHING || (app == App.PROCESSING && processed > 0);
      case AUTO -> consumedSinceCommit && (app == App.IDLE || app == App.FETCHING);
      case TRANSACTIONAL -> app == App.TXN_OFFSETS || app == App.TXN_END;
    };
  }

  /** Whether the application is inside a batch (the zombie's pause strikes there). */
  public boolean processing() {
    return app == App.PROCESSING || app == App.SINK;
  }

  public long commits() {
    return commits;
  }

  public long commitsFailed() {
    return commitsFailed;
  }

  public int generation() {
    return group.generation;
  }

  public boolean stopped() {
    return app == App.STOPPED;
  }
}
