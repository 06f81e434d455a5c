package dev.faultline.models.producer;

import dev.faultline.models.producer.PipelineConfig.Commit;
import dev.faultline.models.replog.ErrorCode;
import dev.faultline.models.replog.GroupMessage;
import dev.faultline.models.replog.PartitionState;
import dev.faultline.models.replog.ReplogMessage;
import dev.faultline.sim.Message;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.history.OpLog;
import java.util.ArrayList;
import java.util.List;

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
public final class PipelineConsumer extends GroupPollLoop {
  public PipelineConsumer(PipelineConfig config, OpLog history, long process) {
    super(config, history, process);
  }

  // ---- processing ----

  @Override
  void processNext() {
    if (processed >= batch.size()) {
      app = App.FLUSHING;
      flushed();
      return;
    }
    app = App.PROCESSING;
    ctx.setTimer(config.processingMicros(), Timer.PROCESS);
  }

  /** The record's processing is done: its effect goes out. */
  @Override
  void effect() {
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

  @Override
  void sinkWrite(long id, Input in) {
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

  /** Outputs flushed: commit as the mode says, or go on. */
  @Override
  void flushed() {
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
  @Override
  void commitSync(App next) {
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

  @Override
  void onCommitResponse(GroupMessage.OffsetCommitResponse r) {
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
  @Override
  void maybeAutoCommit() {
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

  @Override
  void beginTxn() {
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

  @Override
  void resumeTxn(App step) {
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

  @Override
  void stop() {
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

  @Override
  void troubled(PipelineOutput.Trouble t) {
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
