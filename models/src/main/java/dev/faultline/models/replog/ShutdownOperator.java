package dev.faultline.models.replog;

import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;

/**
 * An operator who stops one broker cleanly at a set time: at {@code atMicros} it sends the broker
 * {@link ControlledShutdown}, as {@code kill -TERM} would. A node, so the signal is part of the
 * traced run and replays with it.
 */
public final class ShutdownOperator implements Node {
  private final int broker;
  private final long atMicros;

  public ShutdownOperator(int broker, long atMicros) {
    this.broker = broker;
    this.atMicros = atMicros;
  }

  @Override
  public void start(NodeContext ctx) {
    ctx.setRole("operator");
    ctx.setTimer(Math.max(0, atMicros - ctx.nowMicros()), "sigterm");
  }

  @Override
  public void onMessage(NodeContext ctx, int from, Message message) {}

  @Override
  public void onTimer(NodeContext ctx, Object tag) {
    ctx.send(broker, new ControlledShutdown());
  }
}
