package dev.faultline.models.raft;

import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.history.OpLog;
import java.util.List;

/**
 * A client process in Jepsen's sense: one operation at a time (read, write or compare-and-set on
 * one key), logged as invoke before the first send and ok, fail or info when its outcome is known.
 * It retries on timeout and on redirect with the same session ({@code client}, {@code seq}), so the
 * cluster applies the command once; an operation that is still unanswered after its timeout is
 * logged as info, since it may yet take effect. Writes use values unique to the run.
 */
public final class KvClient implements Node {
  /**
   * A timer tag: attempt {@code attempt} of operation {@code seq}, or the start of the next
   * operation when {@code attempt} is 0. A number, since the trace hashes a number's value but a
   * record's text.
   */
  private static long tick(long seq, int attempt) {
    return (seq << 20) | attempt;
  }

  private static final long REDIRECT_BACKOFF_MICROS = 20_000;
  private final ClientConfig config;
  private final OpLog history;
  private NodeContext ctx;
  private Long[] lastSeen;
  private long seq;
  private long written;
  private Command.ClientCommand op;
  private String f;
  private Object invokeValue;
  private long opStartedAt;
  private int attempt;
  private int target;
  private long lastCompletionMicros = -1;

  public KvClient(ClientConfig config, OpLog history) {
    this.config = config;
    this.history = history;
  }

  @Override
  public void start(NodeContext context) {
    this.ctx = context;
    this.lastSeen = new Long[config.keys()];
    this.target = ctx.random().nextInt(config.servers());
    ctx.setRole("client");
    ctx.setTimer(think(), tick(0, 0));
  }

  /** When this client last completed an operation (ok or fail), or -1. */
  public long lastCompletionMicros() {
    return lastCompletionMicros;
  }

  private long think() {
    return config.thinkMicros() == 0 ? 0 : ctx.random().nextLong(2 * config.thinkMicros());
  }

  @Override
  public void onTimer(NodeContext context, Object tag) {
    long t = (Long) tag;
    int tagAttempt = (int) (t & ((1 << 20) - 1));
    if (tagAttempt == 0) {
      invoke();
    } else if (op != null && t == tick(seq, attempt)) {
      if (ctx.nowMicros() - opStartedAt >= config.opTimeoutMicros()) {
        history.info(ctx.self(), f, op.key(), invokeValue);
        finish(false);
      } else {
        target = otherServer();
        send();
      }
    }
  }

  private void invoke() {
    seq++;
    long key = ctx.random().nextInt(config.keys());
    double r = ctx.random().nextDouble();
    long client = ctx.self();
    if (r < config.readFraction()) {
      op = new Command.Get(client, seq, key);
      f = "read";
      invokeValue = null;
    } else if (r < config.readFraction() + config.casFraction() && lastSeen[(int) key] != null) {
      long next = uniqueValue();
      long expected = lastSeen[(int) key];
      op = new Command.Cas(client, seq, key, expected, next);
      f = "cas";
      invokeValue = List.of(expected, next);
    } else {
      long v = uniqueValue();
      op = new Command.Put(client, seq, key, v);
      f = "write";
      invokeValue = v;
    }
    opStartedAt = ctx.nowMicros();
    attempt = 0;
    history.invoke(ctx.self(), f, key, invokeValue);
    send();
  }

  private long uniqueValue() {
    return ctx.self() * 1_000_000L + ++written;
  }

  private void send() {
    attempt++;
    ctx.send(target, new KvMessage.ClientRequest(op));
    ctx.setTimer(config.attemptTimeoutMicros(), tick(seq, attempt));
  }

  private int otherServer() {
    if (config.servers() == 1) {
      return 0;
    }
    return (target + 1 + ctx.random().nextInt(config.servers() - 1)) % config.servers();
  }

  @Override
  public void onMessage(NodeContext context, int from, Message message) {
    if (!(message instanceof KvMessage.ClientResponse r) || op == null || r.seq() != seq) {
      return;
    }
    switch (r.status()) {
      case NOT_LEADER -> {
        if (r.leaderHint() >= 0 && r.leaderHint() != target) {
          target = r.leaderHint();
          send();
        } else {
          // No leader known there (an election is on): try elsewhere after a short pause, so
          // that clients do not flood the cluster while it has no leader.
          target = otherServer();
          attempt++;
          ctx.setTimer(
              Math.min(config.attemptTimeoutMicros(), REDIRECT_BACKOFF_MICROS), tick(seq, attempt));
        }
      }
      case OK -> {
        int key = (int) op.key();
        if (op instanceof Command.Get) {
          lastSeen[key] = r.value();
          history.ok(ctx.self(), f, op.key(), r.value());
        } else {
          lastSeen[key] = op instanceof Command.Cas c ? c.value() : ((Command.Put) op).value();
          history.ok(ctx.self(), f, op.key(), invokeValue);
        }
        target = from;
        finish(true);
      }
      case CAS_MISMATCH -> {
        lastSeen[(int) op.key()] = r.value();
        history.fail(ctx.self(), f, op.key(), invokeValue);
        target = from;
        finish(true);
      }
    }
  }

  private void finish(boolean answered) {
    if (answered) {
      lastCompletionMicros = ctx.nowMicros();
    }
    op = null;
    ctx.setTimer(think(), tick(seq, 0));
  }
}
