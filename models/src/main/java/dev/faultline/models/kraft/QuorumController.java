package dev.faultline.models.kraft;

import dev.faultline.models.raft.LogEntry;
import dev.faultline.models.raft.RaftApplication;
import dev.faultline.models.raft.RaftLog;
import dev.faultline.models.raft.RaftNode;
import dev.faultline.sim.Message;
import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A KRaft controller (KIP-631): the application above one voter of the controller quorum. The voter
 * that leads the quorum is the active controller; the others are hot standbys that replay the
 * committed metadata log into the same {@link MetadataImage}, so a failover needs no loading.
 *
 * <p>The active controller applies its own records to its image as it writes them (a leader's log
 * is final for its epoch, as Kafka's timeline structures assume) and answers a request only once
 * the records it wrote for it are committed. When it loses leadership it drops the image back to
 * the committed offset (rebuilding it by replay) and forgets the requests it had not answered;
 * brokers ask again. Its requests are handled in {@link ControllerRequests}; session expiry in
 * {@link BrokerSessions}.
 */
public final class QuorumController implements RaftApplication {
  /** The active controller's periodic check for expired broker sessions. */
  private enum Tick {
    SESSIONS
  }

  private record Reply(int to, Message message) {}

  private final KraftConfig config;
  private final TreeMap<Long, List<Reply>> pending = new TreeMap<>();
  private RaftNode raft;
  private NodeContext ctx;
  private MetadataImage image;
  private int activeEpoch = -1;
  private BrokerSessions sessions;
  private ControllerRequests requests;

  public QuorumController(KraftConfig config) {
    this.config = config;
  }

  @Override
  public void start(RaftNode node, NodeContext context) {
    this.raft = node;
    this.ctx = context;
    this.image = new MetadataImage(config.replog().brokers());
    ctx.setTimer(sessionCheckMicros(), Tick.SESSIONS);
  }

  private long sessionCheckMicros() {
    return Math.max(1, config.replog().heartbeatMicros() / 2);
  }

  @Override
  public void onRaftChange() {
    boolean leading = raft.isLeader();
    if (isActive() && (!leading || raft.epoch() != activeEpoch)) {
      resign();
    }
    if (!isActive() && leading) {
      activate();
    }
    replay();
    completeCommitted();
  }

  private void activate() {
    activeEpoch = raft.epoch();
    replay();
    sessions = new BrokerSessions(image, config.replog().sessionTimeoutMicros(), ctx.nowMicros());
    requests = new ControllerRequests(this, config);
    if (image.partitions() == 0) {
      // Bootstrap: the first active controller creates the topic.
      write(
          new MetadataRecord.CreateTopic(
              config.totalPartitions(),
              config.replog().replicationFactor(),
              config.replog().brokers()));
    }
  }

  private void resign() {
    activeEpoch = -1;
    sessions = null;
    requests = null;
    pending.clear();
    if (image.appliedOffset() > raft.highWatermark()) {
      image = new MetadataImage(config.replog().brokers()); // uncommitted writes may be truncated
    }
  }

  /** Applies the log to the image: all of it while active, the committed part otherwise. */
  private void replay() {
    RaftLog log = raft.log();
    long limit = isActive() ? log.endOffset() : Math.min(raft.highWatermark(), log.endOffset());
    while (image.appliedOffset() < limit) {
      LogEntry e = log.entry(image.appliedOffset());
      image.apply(e);
    }
  }

  private void completeCommitted() {
    long hw = raft.highWatermark();
    while (!pending.isEmpty() && pending.firstKey() < hw) {
      for (Reply r : pending.pollFirstEntry().getValue()) {
        ctx.send(r.to(), r.message());
      }
    }
  }

  /** Writes {@code record} (active only) and applies it at once; returns its offset. */
  long write(MetadataRecord record) {
    long offset = raft.propose(record);
    if (offset < 0) {
      throw new IllegalStateException("only the active controller writes");
    }
    replay();
    return offset;
  }

  /** Sends {@code message} to {@code to} once the log is committed through {@code offset}. */
  void replyWhenCommitted(long offset, int to, Message message) {
    if (offset < raft.highWatermark()) {
      ctx.send(to, message);
    } else {
      pending.computeIfAbsent(offset, o -> new ArrayList<>()).add(new Reply(to, message));
    }
  }

  /** The last offset written so far (what a reply that wrote nothing waits for), or -1. */
  long lastOffset() {
    return raft.log().endOffset() - 1;
  }

  @Override
  public void onMessage(int from, Message message) {
    if (message instanceof KraftMessage m) {
      if (isActive()) {
        requests.handle(from, m);
      } else {
        ControllerRequests.notController(ctx, from, m, raft.knownLeader());
      }
    }
  }

  @Override
  public void onTimer(Object tag) {
    if (tag == Tick.SESSIONS) {
      if (isActive()) {
        requests.fenceExpired(sessions.expired(image, ctx.nowMicros()));
      }
      ctx.setTimer(sessionCheckMicros(), Tick.SESSIONS);
    }
  }

  // ---- for the request handlers, scenarios and tests ----

  /** Whether this controller is the active one. */
  public boolean isActive() {
    return activeEpoch >= 0;
  }

  /** The metadata this controller holds (while active, with its uncommitted writes). */
  public MetadataImage image() {
    return image;
  }

  BrokerSessions sessions() {
    return sessions;
  }

  NodeContext ctx() {
    return ctx;
  }
}
