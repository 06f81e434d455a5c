package dev.faultline.examples.pb;

import dev.faultline.examples.pb.PbMessage.Ack;
import dev.faultline.examples.pb.PbMessage.Replicate;
import dev.faultline.examples.pb.PbMessage.StateReply;
import dev.faultline.examples.pb.PbMessage.StateRequest;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;

/**
 * A backup: it keeps the newest state the primary pushed, on disk (synced before it acknowledges),
 * and tells a restarted primary what it holds. A push older than what it holds (a duplicate, or a
 * late one from an earlier epoch) is acknowledged and otherwise ignored.
 */
public final class Backup implements Node {
  /** What the disk holds. */
  private record Stored(long epoch, long seq, State state) {}

  private static final String KEY = "state";

  private Stored held = new Stored(0, 0, State.empty());

  @Override
  public void start(NodeContext c) {
    c.setRole("backup");
    Stored s = c.disk().get(KEY);
    if (s != null) {
      held = s;
    }
  }

  @Override
  public void onMessage(NodeContext c, int from, Message m) {
    if (m instanceof Replicate r) {
      if (Primary.newer(r.epoch(), r.seq(), held.epoch(), held.seq())) {
        held = new Stored(r.epoch(), r.seq(), r.state());
        c.disk().put(KEY, held);
        c.disk().sync();
      }
      c.send(from, new Ack(r.epoch(), r.seq()));
    } else if (m instanceof StateRequest) {
      c.send(from, new StateReply(held.epoch(), held.seq(), held.state()));
    }
  }

  @Override
  public void onTimer(NodeContext c, Object tag) {}
}
