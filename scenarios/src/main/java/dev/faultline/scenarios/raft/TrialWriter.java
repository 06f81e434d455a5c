package dev.faultline.scenarios.raft;

import dev.faultline.models.raft.Command;
import dev.faultline.models.raft.KvMessage;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;

/**
 * The election experiment's only client: it writes one value when the experiment asks, to the
 * server the experiment names, so that the leader appends an entry at a chosen moment (and some
 * followers can be left without it). It ignores answers: the experiment watches the servers.
 */
final class TrialWriter implements Node {
  private NodeContext ctx;
  private long seq;

  @Override
  public void start(NodeContext context) {
    this.ctx = context;
    ctx.setRole("client");
  }

  /** Sends one write to node {@code server}. */
  void write(int server) {
    seq++;
    ctx.send(
        server,
        new KvMessage.ClientRequest(
            new Command.Put(ctx.self(), seq, 0, ctx.self() * 1_000_000L + seq)));
  }

  @Override
  public void onMessage(NodeContext context, int from, Message message) {}

  @Override
  public void onTimer(NodeContext context, Object tag) {}
}
