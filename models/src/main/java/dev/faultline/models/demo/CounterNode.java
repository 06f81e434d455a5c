package dev.faultline.models.demo;

import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A grow-only counter replicated by gossip: the smallest model that shows every fault of the
 * simulator. Each node increments its own slot on a timer and persists it (syncing every few
 * increments), and periodically sends its whole vector to every peer, which keeps the maximum of
 * each slot. A partitioned node misses updates and catches up after the heal; a crash loses the
 * increments not yet synced (until peers gossip them back); a pause delays its timers; a skewed
 * clock makes it tick at its own pace.
 */
public final class CounterNode implements Node {
  /** Gossip: the sender's view of every node's count (a copy: the sender goes on counting). */
  public record Gossip(long[] counts) implements Message {
    public Gossip {
      counts = counts.clone();
    }

    @Override
    public String toString() {
      return "Gossip" + Arrays.toString(counts);
    }
  }

  private enum Timer {
    TICK,
    GOSSIP
  }

  private final CounterConfig config;
  private long[] counts;
  private long recoveredOwn;
  private final List<Long> tickTimes = new ArrayList<>();

  public CounterNode(CounterConfig config) {
    this.config = config;
  }

  @Override
  public void start(NodeContext ctx) {
    counts = new long[config.servers()];
    Long own = ctx.disk().get("own");
    recoveredOwn = own == null ? 0 : own;
    counts[ctx.self()] = recoveredOwn;
    ctx.setRole("counter");
    boolean restarted = ctx.disk().get("booted") != null;
    if (!restarted) {
      ctx.disk().put("booted", Boolean.TRUE);
      ctx.disk().sync();
    }
    ctx.setTimer(config.tickMicros(), Timer.TICK);
    if (!(restarted && config.bugNoGossipAfterRestart())) {
      ctx.setTimer(config.gossipMicros(), Timer.GOSSIP);
    }
  }

  @Override
  public void onTimer(NodeContext ctx, Object tag) {
    if (tag == Timer.TICK) {
      if (ctx.nowMicros() <= config.tickUntilMicros()) {
        long own = ++counts[ctx.self()];
        tickTimes.add(ctx.nowMicros());
        ctx.disk().put("own", own);
        if (own % config.syncEvery() == 0) {
          ctx.disk().sync();
        }
      }
      ctx.setTimer(config.tickMicros(), Timer.TICK);
    } else {
      for (int peer = 0; peer < config.servers(); peer++) {
        if (peer != ctx.self()) {
          ctx.send(peer, new Gossip(counts));
        }
      }
      ctx.setTimer(config.gossipMicros(), Timer.GOSSIP);
    }
  }

  @Override
  public void onMessage(NodeContext ctx, int from, Message message) {
    if (message instanceof Gossip g) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = Math.max(counts[i], g.counts()[i]);
      }
    }
  }

  /** This node's view of node {@code id}'s count. */
  public long count(int id) {
    return counts[id];
  }

  /** The sum of this node's view. */
  public long total() {
    return Arrays.stream(counts).sum();
  }

  /** The own count this incarnation recovered from disk at start. */
  public long recoveredOwn() {
    return recoveredOwn;
  }

  /** When this incarnation incremented, on its own clock. */
  public List<Long> tickTimesLocal() {
    return Collections.unmodifiableList(tickTimes);
  }
}
