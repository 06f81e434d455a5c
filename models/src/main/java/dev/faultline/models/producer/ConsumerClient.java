package dev.faultline.models.producer;

import dev.faultline.models.replog.ErrorCode;
import dev.faultline.models.replog.PartitionState;
import dev.faultline.models.replog.ReplogMessage;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.history.OpLog;

/**
 * A consumer as one Jepsen process: it polls the partitions in turn through their leaders, one poll
 * at a time, and logs each: {@code ok [[offset value] ...]}, or {@code fail} when the poll read
 * nothing (no leader, timed out). When a leader says its position is past the log's end it logs an
 * {@code assign} and starts that partition again from 0.
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
  private long nextRequestId = 1;
  private long bootstrapRequests;
  private boolean finalRead;
  private boolean finished;

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
      history.fail(process, "poll", (long) pendingPartition, null);
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

  private boolean readingToEnd;

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
    PartitionState st = metadata[p];
    if (st == null || st.leader() < 0) {
      history.invoke(process, "poll", (long) p, null);
      history.fail(process, "poll", (long) p, null);
      ctx.send(bootstrap(), new ReplogMessage.MetadataRequest());
      ctx.setTimer(config.pollIntervalMicros(), Timer.POLL);
      return;
    }
    pending = nextRequestId++;
    pendingPartition = p;
    history.invoke(process, "poll", (long) p, null);
    ctx.send(
        st.leader(), new ReplogMessage.ConsumerFetch(p, pending, position[p], config.maxRecords()));
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
      pending = -1;
      int p = r.partition();
      if (r.error() == ErrorCode.NONE) {
        history.ok(process, "poll", (long) p, r.records());
        if (!r.records().isEmpty()) {
          position[p] = r.records().get(r.records().size() - 1).get(0) + 1;
        } else if (readingToEnd) {
          readToEnd[p] = true;
        }
        afterPoll(readingToEnd ? 1 : config.pollIntervalMicros());
        return;
      }
      history.fail(process, "poll", (long) p, null);
      if (r.error() == ErrorCode.OFFSET_OUT_OF_RANGE) {
        // The log is shorter than where we stood (an unclean election): start again from 0.
        history.invoke(process, "assign", null, null);
        history.ok(process, "assign", null, null);
        position[p] = 0;
      } else {
        c.send(bootstrap(), new ReplogMessage.MetadataRequest());
      }
      afterPoll(config.pollIntervalMicros());
    }
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
}
