package dev.faultline.examples.pb;

import dev.faultline.examples.pb.PbMessage.Reply;
import dev.faultline.examples.pb.PbMessage.Request;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.history.OpLog;

/**
 * A client: one Jepsen process (its node id), one operation at a time, each logged to the history
 * before it is sent: reads and writes of unique values on a few keys, sent to the primary. An
 * unanswered request is sent again every attempt timeout (the primary applies a write once, by its
 * request id); no answer by the operation timeout is an unknown outcome ({@code info}): the write
 * may yet take effect.
 */
public final class PbClient implements Node {
  /**
   * The client's settings.
   *
   * @param primary the primary's node name
   * @param keys keys 0..keys-1
   * @param readFraction the chance an operation is a read
   * @param thinkMicros the mean pause between operations
   * @param attemptMicros how long one attempt waits before the request is sent again
   * @param timeoutMicros how long an operation waits for its answer in all
   */
  public record Config(
      String primary,
      int keys,
      double readFraction,
      long thinkMicros,
      long attemptMicros,
      long timeoutMicros) {}

  private record Next() {}

  private record Attempt(long reqId) {}

  private record Timeout(long reqId) {}

  private final Config config;
  private final OpLog history;
  private NodeContext ctx;
  private long reqId;
  private Request pending;
  private long timer;
  private long attemptTimer;
  private long lastCompletionMicros = -1;

  public PbClient(Config config, OpLog history) {
    this.config = config;
    this.history = history;
  }

  /** When this client last had an answer, on its own clock, or -1. */
  public long lastCompletionMicros() {
    return lastCompletionMicros;
  }

  @Override
  public void start(NodeContext c) {
    ctx = c;
    c.setTimer(think(), new Next());
  }

  @Override
  public void onTimer(NodeContext c, Object tag) {
    if (tag instanceof Next) {
      invoke();
    } else if (tag instanceof Attempt a && pending != null && a.reqId() == pending.reqId()) {
      c.send(c.idOf(config.primary()), pending);
      attemptTimer = c.setTimer(config.attemptMicros(), a);
    } else if (tag instanceof Timeout t && pending != null && t.reqId() == pending.reqId()) {
      history.info(c.self(), f(pending), pending.key(), pending.value());
      pending = null;
      c.setTimer(think(), new Next());
    }
  }

  @Override
  public void onMessage(NodeContext c, int from, Message m) {
    if (m instanceof Reply r && pending != null && r.reqId() == pending.reqId()) {
      c.cancelTimer(timer);
      c.cancelTimer(attemptTimer);
      history.ok(c.self(), f(pending), pending.key(), r.value());
      lastCompletionMicros = c.nowMicros();
      pending = null;
      c.setTimer(think(), new Next());
    }
  }

  private void invoke() {
    reqId++;
    long key = ctx.random().nextInt(config.keys());
    boolean read = ctx.random().chance(config.readFraction());
    Long value = read ? null : ctx.self() * 1_000_000L + reqId;
    pending = new Request(ctx.self(), reqId, key, value);
    history.invoke(ctx.self(), f(pending), key, value);
    ctx.send(ctx.idOf(config.primary()), pending);
    timer = ctx.setTimer(config.timeoutMicros(), new Timeout(reqId));
    attemptTimer = ctx.setTimer(config.attemptMicros(), new Attempt(reqId));
  }

  private static String f(Request r) {
    return r.write() ? "write" : "read";
  }

  private long think() {
    return config.thinkMicros() == 0 ? 0 : ctx.random().nextLong(2 * config.thinkMicros());
  }
}
