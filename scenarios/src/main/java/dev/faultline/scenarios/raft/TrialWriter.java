package dev.faultline.scenarios.raft;

import dev.faultline.models.raft.Command;
import dev.faultline.models.raft.KvMessage;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;

/**
 * The election experiment's only client: each time it starts it writes one value, sending it to
 * every server (only the leader appends it; the others answer that they do not lead). The
 * experiment makes it write at a chosen moment by restarting it through the fault plane, so the
 * write is in the printed schedule and a replay writes at the same instant. It ignores answers: the
 * experiment watches the servers.
 */
final class TrialWriter implements Node {
  private final int servers;

  TrialWriter(int servers) {
    this.servers = servers;
  }

  @Override
  public void start(NodeContext ctx) {
    ctx.setRole("client");
    // A new session number each start (the state machine applies a session's command once).
    long seq = ctx.nowMicros() + 1;
    Command.Put put = new Command.Put(ctx.self(), seq, 0, seq);
    for (int s = 0; s < servers; s++) {
      ctx.send(s, new KvMessage.ClientRequest(put));
    }
  }

  @Override
  public void onMessage(NodeContext context, int from, Message message) {}

  @Override
  public void onTimer(NodeContext context, Object tag) {}
}
