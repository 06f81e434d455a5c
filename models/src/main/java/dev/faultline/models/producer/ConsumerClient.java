package dev.faultline.models.producer;

import dev.faultline.models.replog.AbortedTxn;
import dev.faultline.models.replog.ErrorCode;
import dev.faultline.models.replog.LogEntry;
import dev.faultline.models.replog.PartitionState;
import dev.faultline.models.replog.ReplogMessage;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.history.OpLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A consumer as one Jepsen process: it polls the partitions in turn through their leaders, one poll
 * at a time, and logs each: {@code ok [[offset value] ...]}, or {@code fail} when the poll read
 * nothing (no leader, timed out). When a leader says its position is past the log's end it logs an
 * {@code assign} and starts that partition again from 0.
 *
 * <p>With {@code read_committed} it reads below the last stable offset and drops the records of
 * aborted transactions, as Kafka's consumer does: the fetch response lists the aborted transactions
 * its records overlap, and a producer's records count as aborted from its aborted transaction's
 * first offset until its abort marker. Markers are never returned. A fetch that moved the position
 * over nothing visible is followed by another within the same poll. Every {@code lsoEvery} polls it
 * asks for the partition's end instead (ListOffsets), logged as {@code lso}.
 *
 * <p>At {@code finalReadMicros} it logs an {@code assign} and rereads every partition from offset 0
 * until a poll comes back empty: the final read that lets the checker judge lost records.
 */
public final class ConsumerClient implements Node {
  private enum Timer {
    POLL,
    FINAL,
    METADATA
  }

  private record PollTimeout(long requestId) {
    @Override
    public String toString() {
      return "poll-timeout"; // what the trace hashes: cheap and stable
    }
  }

  private final ConsumerConfig config;
  private final OpLog history;
  private final long process;
  private NodeContext ctx;
  private PartitionState[] metadata;
  private long[] position;
  private boolean[] readToEnd;
  private int next;
  private long pending = -1;
  private int pendingPartition;
  private String pendingF;
  private long nextRequestId = 1;
  private long bootstrapRequests;
  private long polls;
  private long maxLsoLag;
  private boolean finalRead;
  private boolean finished;
  private boolean readingToEnd;

  public ConsumerClient(ConsumerConfig config, OpLog history, long process) {
    this.config = config;
    this.history = history;
    this.process = process;
  }

  @Override
  public void start(NodeContext c) {
    ctx = c;
    metadata = new PartitionState[config.partitions()];
    position = new long[config.partitions()];
    readToEnd = new boolean[config.partitions()];
    c.setRole("consumer");
    c.send(bootstrap(), new ReplogMessage.MetadataRequest());
    c.setTimer(config.pollIntervalMicros(), Timer.POLL);
    c.setTimer(Math.max(0, config.finalReadMicros() - c.nowMicros()), Timer.FINAL);
    c.setTimer(100_000, Timer.METADATA);
  }

  /** The node to ask for metadata next: the bootstrap servers in turn. */
  private int bootstrap() {
    return config.controller() + (int) (bootstrapRequests++ % config.bootstrapServers());
  }

  @Override
  public void onTimer(NodeContext c, Object tag) {
    if (tag == Timer.POLL) {
      poll();
    } else if (tag == Timer.FINAL) {
      finalRead = true;
      if (pending < 0) {
        startFinalRead();
      }
    } else if (tag == Timer.METADATA) {
      if (!finished) {
        c.send(bootstrap(), new ReplogMessage.MetadataRequest());
        c.setTimer(100_000, Timer.METADATA);
      }
    } else if (tag instanceof PollTimeout t && t.requestId() == pending) {
      pending = -1;
      history.fail(process, pendingF, (long) pendingPartition, null);
      afterPoll(config.pollIntervalMicros());
    }
  }

  private void startFinalRead() {
    history.invoke(process, "assign", null, null);
    history.ok(process, "assign", null, null);
    java.util.Arrays.fill(position, 0);
    java.util.Arrays.fill(readToEnd, false);
    next = 0;
    finalRead = false;
    finished = false;
    readingToEnd = true;
  }

  private void poll() {
    if (pending >= 0 || finished) {
      return;
    }
    int p = next;
    if (readingToEnd) {
      while (p < config.partitions() && readToEnd[p]) {
        p++;
      }
      if (p == config.partitions()) {
        finished = true;
        return;
      }
    }
    next = (p + 1) % config.partitions();
    boolean askEnd = !readingToEnd && config.lsoEvery() > 0 && ++polls % config.lsoEvery() == 0;
    pendingF = askEnd ? "lso" : "poll";
    PartitionState st = metadata[p];
    history.invoke(process, pendingF, (long) p, null);
    if (st == null || st.leader() < 0) {
      history.fail(process, pendingF, (long) p, null);
      ctx.send(bootstrap(), new ReplogMessage.MetadataRequest());
      ctx.setTimer(config.pollIntervalMicros(), Timer.POLL);
      return;
    }
    pendingPartition = p;
    if (askEnd) {
      send(st.leader(), new ReplogMessage.ListOffsets(p, nextRequestId, config.readCommitted()));
    } else {
      fetch(st.leader(), p);
    }
  }

  private void fetch(int leader, int p) {
    send(
        leader,
        new ReplogMessage.ConsumerFetch(
            p, nextRequestId, position[p], config.maxRecords(), config.readCommitted()));
  }

  private void send(int to, ReplogMessage request) {
    pending = nextRequestId++;
    ctx.send(to, request);
    ctx.setTimer(config.requestTimeoutMicros(), new PollTimeout(pending));
  }

  @Override
  public void onMessage(NodeContext c, int from, Message message) {
    if (message instanceof ReplogMessage.PartitionStates s) {
      for (PartitionState st : s.states()) {
        if (st.partition() < metadata.length && st.newerThan(metadata[st.partition()])) {
          metadata[st.partition()] = st;
        }
      }
    } else if (message instanceof ReplogMessage.ConsumerFetchResponse r
        && r.requestId() == pending) {
      onFetched(from, r);
    } else if (message instanceof ReplogMessage.ListOffsetsResponse r && r.requestId() == pending) {
      pending = -1;
      if (r.error() == ErrorCode.NONE) {
        history.ok(process, "lso", (long) r.partition(), r.offset());
      } else {
        history.fail(process, "lso", (long) r.partition(), null);
        c.send(bootstrap(), new ReplogMessage.MetadataRequest());
      }
      afterPoll(config.pollIntervalMicros());
    }
  }

  private void onFetched(int leader, ReplogMessage.ConsumerFetchResponse r) {
    pending = -1;
    int p = r.partition();
    if (r.error() != ErrorCode.NONE) {
      history.fail(process, "poll", (long) p, null);
      if (r.error() == ErrorCode.OFFSET_OUT_OF_RANGE) {
        // The log is shorter than where we stood (an unclean election): start again from 0.
        history.invoke(process, "assign", null, null);
        history.ok(process, "assign", null, null);
        position[p] = 0;
      } else {
        ctx.send(bootstrap(), new ReplogMessage.MetadataRequest());
      }
      afterPoll(config.pollIntervalMicros());
      return;
    }
    if (config.readCommitted()) {
      maxLsoLag = Math.max(maxLsoLag, r.highWatermark() - r.lastStableOffset());
    }
    List<List<Long>> visible = visible(r);
    if (!r.records().isEmpty()) {
      position[p] = r.records().get(r.records().size() - 1).offset() + 1;
      if (visible.isEmpty()) {
        fetch(leader, p); // only markers or aborted records: the poll goes on
        return;
      }
    }
    history.ok(process, "poll", (long) p, visible);
    if (r.records().isEmpty() && readingToEnd) {
      readToEnd[p] = true;
    }
    afterPoll(readingToEnd ? 1 : config.pollIntervalMicros());
  }

  /** The records an application sees: no markers, and under read_committed nothing aborted. */
  private List<List<Long>> visible(ReplogMessage.ConsumerFetchResponse r) {
    ArrayDeque<AbortedTxn> abortedQueue = new ArrayDeque<>();
    r.abortedTransactions().stream()
        .sorted(Comparator.comparingLong(AbortedTxn::firstOffset))
        .forEach(abortedQueue::add);
    Set<Long> abortedProducers = new TreeSet<>();
    List<List<Long>> out = new ArrayList<>();
    for (LogEntry e : r.records()) {
      while (!abortedQueue.isEmpty() && abortedQueue.peek().firstOffset() <= e.offset()) {
        abortedProducers.add(abortedQueue.poll().producerId());
      }
      if (e.kind().isMarker()) {
        if (e.kind() == LogEntry.Kind.ABORT) {
          abortedProducers.remove(e.producerId());
        }
      } else if (e.kind() != LogEntry.Kind.TXN_DATA
          || !config.readCommitted()
          || !abortedProducers.contains(e.producerId())) {
        out.add(e.asPair());
      }
    }
    return out;
  }

  private void afterPoll(long delayMicros) {
    if (finalRead) {
      startFinalRead();
      delayMicros = 1;
    }
    ctx.setTimer(delayMicros, Timer.POLL);
  }

  /** Whether the final read has reached the end of every partition. */
  public boolean finished() {
    return finished;
  }

  /** The largest gap between the high watermark and the last stable offset a fetch reported. */
  public long maxLsoLag() {
    return maxLsoLag;
  }
}
