package dev.faultline.models.raft;

import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;

/**
 * A KRaft-flavoured Raft voter serving a key-value state machine. It routes each message to the
 * rule that handles it; role changes happen only in {@link QuorumState}, and what a role does lives
 * in its own class. A restart recovers the epoch, the vote and the log from disk; the high
 * watermark and the state machine are rebuilt as the leader reports commits again.
 *
 * <p>Timers: the node keeps one timer armed at the earliest deadline of its role, so that resetting
 * a deadline (every successful fetch resets the fetch timeout) costs no event.
 */
public final class RaftNode implements Node {
  private final RaftConfig config;
  private final RaftApplication app;
  private NodeContext ctx;
  private RaftLog log;
  private KvStateMachine machine;
  private QuorumState quorum;
  private long highWatermark;
  private long armedAt = Long.MAX_VALUE;

  public RaftNode(RaftConfig config) {
    this(config, null);
  }

  /** A voter serving {@code app} (a fresh object per incarnation) above its log. */
  public RaftNode(RaftConfig config, RaftApplication app) {
    this.config = config;
    this.app = app;
  }

  @Override
  public void start(NodeContext context) {
    this.ctx = context;
    this.log = new RaftLog(context.disk());
    this.machine = new KvStateMachine();
    this.quorum = new QuorumState(this);
    quorum.start();
    rearm();
    if (app != null) {
      app.start(this, context);
      app.onRaftChange();
      rearm();
    }
  }

  @Override
  public void onTimer(NodeContext context, Object tag) {
    if (tag instanceof Long deadline) {
      if (deadline == armedAt) {
        armedAt = Long.MAX_VALUE;
        quorum.state().onTick(now());
      }
    } else if (app != null) {
      app.onTimer(tag);
    }
    afterEvent();
  }

  private void afterEvent() {
    rearm();
    if (app != null) {
      app.onRaftChange();
      rearm();
    }
  }

  private void rearm() {
    long d = quorum.state().nextDeadline();
    if (d < armedAt) {
      armedAt = d;
      ctx.setTimer(Math.max(0, d - now()), d);
    }
  }

  @Override
  public void onMessage(NodeContext context, int from, Message message) {
    if (message instanceof RaftMessage m) {
      onRaftMessage(from, m);
    } else if (message instanceof KvMessage.ClientRequest c) {
      if (quorum.state() instanceof LeaderState leader) {
        leader.onClientRequest(from, c.command());
      } else {
        Command.ClientCommand cmd = c.command();
        ctx.send(
            from,
            new KvMessage.ClientResponse(
                cmd.client(), cmd.seq(), KvMessage.Status.NOT_LEADER, null, knownLeader()));
      }
    } else if (app != null) {
      app.onMessage(from, message);
    }
    afterEvent();
  }

  private void onRaftMessage(int from, RaftMessage m) {
    boolean fromVoter = config.voterIndex(from) >= 0;
    if (!(m instanceof RaftMessage.PreVoteRequest) && m.epoch() > quorum.epoch() && fromVoter) {
      int leader = leaderNamedBy(m);
      // A fetch answer from the leader itself counts as contact; a BeginQuorumEpoch is counted as
      // such below, once the node follows.
      quorum.onHigherEpoch(
          m.epoch(), leader, leader == from && m instanceof RaftMessage.FetchResponse);
    }
    if (m instanceof RaftMessage.VoteRequest v) {
      Elections.onVoteRequest(this, from, v);
    } else if (m instanceof RaftMessage.PreVoteRequest p) {
      Elections.onPreVoteRequest(this, from, p);
    } else if (m instanceof RaftMessage.VoteResponse v) {
      Elections.onVoteResponse(this, from, v);
    } else if (m instanceof RaftMessage.PreVoteResponse p) {
      Elections.onPreVoteResponse(this, from, p);
    } else if (m instanceof RaftMessage.BeginQuorumEpoch b) {
      onBeginQuorumEpoch(from, b);
    } else if (m instanceof RaftMessage.FetchRequest f) {
      if (f.epoch() == quorum.epoch() && quorum.state() instanceof LeaderState leader) {
        leader.onFetch(from, f);
      } else {
        ctx.send(
            from,
            new RaftMessage.FetchResponse(
                quorum.epoch(),
                knownLeader(),
                f.fetchId(),
                RaftMessage.FetchError.NOT_LEADER,
                java.util.List.of(),
                highWatermark,
                -1,
                -1,
                0));
      }
    } else if (m instanceof RaftMessage.FetchResponse r) {
      if (r.epoch() == quorum.epoch()
          && quorum.state() instanceof FollowerState f
          && f.leader() == from) {
        f.onFetchResponse(r);
      }
    }
  }

  /** The leader announced itself (or, under Raft timers, sent its heartbeat). */
  private void onBeginQuorumEpoch(int from, RaftMessage.BeginQuorumEpoch b) {
    if (b.epoch() != quorum.epoch()) {
      return;
    }
    if (quorum.state().leader() != b.leader()) {
      quorum.toFollower(b.epoch(), b.leader(), false);
    }
    if (quorum.state() instanceof FollowerState f && f.leader() == from) {
      f.heardFromLeader();
    }
  }

  private static int leaderNamedBy(RaftMessage m) {
    if (m instanceof RaftMessage.BeginQuorumEpoch b) {
      return b.leader();
    }
    if (m instanceof RaftMessage.FetchResponse r) {
      return r.leader();
    }
    if (m instanceof RaftMessage.VoteResponse r) {
      return r.leader();
    }
    if (m instanceof RaftMessage.PreVoteResponse r) {
      return r.leader();
    }
    return -1;
  }

  /** Raises the high watermark (never lowers it) and applies what it newly covers. */
  void advanceHighWatermark(long offset) {
    if (offset <= highWatermark) {
      return;
    }
    highWatermark = offset;
    while (machine.appliedOffset() < highWatermark) {
      LogEntry e = log.entry(machine.appliedOffset());
      KvStateMachine.Result r = machine.apply(e);
      if (quorum.state() instanceof LeaderState leader) {
        leader.onApplied(e, r);
      }
    }
  }

  void reply(Command.ClientCommand c, KvStateMachine.Result r) {
    ctx.send(
        Math.toIntExact(c.client()),
        new KvMessage.ClientResponse(c.client(), c.seq(), r.status(), r.value(), ctx.self()));
  }

  long now() {
    return ctx.nowMicros();
  }

  NodeContext ctx() {
    return ctx;
  }

  RaftConfig config() {
    return config;
  }

  QuorumState quorum() {
    return quorum;
  }

  KvStateMachine machine() {
    return machine;
  }

  // ---- read-only views for invariants, scenarios and tests ----

  /** The log (read methods only are public). */
  public RaftLog log() {
    return log;
  }

  public int epoch() {
    return quorum.epoch();
  }

  public boolean isLeader() {
    return quorum.state() instanceof LeaderState;
  }

  /** The role's name: unattached, prospective, candidate, leader or follower. */
  public String role() {
    return quorum.state().name();
  }

  /** The voter this node voted for in its epoch (itself when campaigning), or -1. */
  public int votedFor() {
    return quorum.votedFor();
  }

  /** The leader this node knows in its epoch (itself when leading), or -1. */
  public int knownLeader() {
    return quorum.state().leader();
  }

  /**
   * When this node, leading, next sends heartbeats to every voter (Raft timers), or -1 when it does
   * not lead or its timers are KRaft's.
   */
  public long nextHeartbeatMicros() {
    return quorum.state() instanceof LeaderState l ? l.nextHeartbeatMicros() : -1;
  }

  /** Entries below this offset are committed, as far as this node knows. */
  public long highWatermark() {
    return highWatermark;
  }

  /**
   * Appends {@code record} if this voter leads; returns its offset, or -1 when it does not lead.
   * The record is committed once the high watermark passes that offset.
   */
  public long propose(Command.AppRecord record) {
    return quorum.state() instanceof LeaderState leader ? leader.appendRecord(record) : -1;
  }

  /** The application this voter serves, or null (the key-value store). */
  public RaftApplication application() {
    return app;
  }

  /** The value of {@code key} in this node's applied state, or null. */
  public Long valueOf(long key) {
    return machine.read(key);
  }
}
