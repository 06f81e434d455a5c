package dev.faultline.models.ring.store;

import dev.faultline.models.ring.store.StoreMessage.Fetch;
import dev.faultline.models.ring.store.StoreMessage.FetchReply;
import dev.faultline.models.ring.store.StoreMessage.Get;
import dev.faultline.models.ring.store.StoreMessage.Handoff;
import dev.faultline.models.ring.store.StoreMessage.HandoffAck;
import dev.faultline.models.ring.store.StoreMessage.Ping;
import dev.faultline.models.ring.store.StoreMessage.Pong;
import dev.faultline.models.ring.store.StoreMessage.Put;
import dev.faultline.models.ring.store.StoreMessage.Store;
import dev.faultline.models.ring.store.StoreMessage.StoreAck;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import java.util.List;
import java.util.SortedMap;

/**
 * A server of the Dynamo-style store: a replica of the keys the ring gives it, a coordinator for
 * any client that asks it, and a failure detector shared by both. This class only routes messages
 * and timers to those roles; a restart builds it afresh and the replica recovers from disk.
 */
public final class StoreServer implements Node {
  /** Timer tag: probe suspected servers and offer hints back. */
  private enum Tick {
    PROBE
  }

  private final StoreConfig config;
  private final Replica replica;
  private FailureDetector detector;
  private Coordinator coordinator;

  public StoreServer(StoreConfig config) {
    this.config = config;
    this.replica = new Replica(config);
  }

  @Override
  public void start(NodeContext ctx) {
    detector = new FailureDetector(ctx.nodeCount());
    coordinator = new Coordinator(config, detector);
    replica.recover(ctx.disk());
    ctx.setRole("server");
    ctx.setTimer(config.probeMicros(), Tick.PROBE);
  }

  @Override
  public void onMessage(NodeContext ctx, int from, Message message) {
    if (!(message instanceof StoreMessage m)) {
      return;
    }
    if (!(m instanceof Put) && !(m instanceof Get)) {
      detector.heard(from); // only servers send anything else
    }
    if (m instanceof Put p) {
      coordinator.onPut(ctx, from, p);
    } else if (m instanceof Get g) {
      coordinator.onGet(ctx, from, g);
    } else if (m instanceof Store s) {
      replica.onStore(ctx, from, s);
    } else if (m instanceof Fetch f) {
      replica.onFetch(ctx, from, f);
    } else if (m instanceof StoreAck a) {
      coordinator.onStoreAck(ctx, from, a);
    } else if (m instanceof FetchReply r) {
      coordinator.onFetchReply(ctx, from, r);
    } else if (m instanceof Handoff h) {
      replica.onHandoff(ctx, from, h);
    } else if (m instanceof HandoffAck a) {
      replica.onHandoffAck(ctx, from, a);
    } else if (m instanceof Ping) {
      ctx.send(from, new Pong());
    }
    // A pong needs nothing more than heard() above; client replies never reach a server.
  }

  @Override
  public void onTimer(NodeContext ctx, Object tag) {
    if (tag instanceof Coordinator.ReplicaDeadline d) {
      coordinator.onReplicaDeadline(ctx, d);
    } else if (tag instanceof Coordinator.RequestDeadline d) {
      coordinator.onRequestDeadline(ctx, d);
    } else if (tag == Tick.PROBE) {
      for (int suspect : detector.suspects()) {
        ctx.send(suspect, new Ping());
      }
      replica.offerHints(ctx);
      ctx.setTimer(config.probeMicros(), Tick.PROBE);
    }
  }

  /** The versions this server holds for {@code key}; for the scenario's final-state check. */
  public List<Version> versions(String key) {
    return replica.versions(key);
  }

  /** Every key this server holds, with its versions. */
  public SortedMap<String, List<Version>> data() {
    return replica.data();
  }

  /** Hints not yet handed back. */
  public int pendingHints() {
    return replica.pendingHints();
  }
}
