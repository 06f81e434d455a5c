package dev.faultline.models.replog;

import dev.faultline.models.replog.Group.Member;
import dev.faultline.models.replog.Group.State;
import dev.faultline.models.replog.GroupMessage.JoinGroup;
import dev.faultline.models.replog.GroupMessage.JoinGroupResponse;
import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The group coordinator of one broker, classic protocol (Kafka's {@code GroupCoordinator} and
 * {@code GroupMetadataManager}): it owns the groups whose offsets partition this broker leads. What
 * must survive a failover is written to that partition, and answered only once committed: a group's
 * metadata when its leader's SyncGroup arrives, and every offset commit. A new leader of the
 * partition loads it (the last metadata of each group, Stable, every session restarted; the
 * committed offsets), so coordinator failover is the partition's leader election.
 *
 * <p>The membership rules (JoinGroup, SyncGroup, Heartbeat, LeaveGroup, session expiry, the
 * rebalance timeout, static members) are in {@link GroupMembership}; this class holds the loaded
 * partitions and the offset requests.
 */
final class GroupCoordinator {
  /** The groups of one offsets partition this broker leads. */
  static final class Loaded {
    final int partition;
    final int coordinatorEpoch;
    final Map<String, Group> groups = new TreeMap<>();
    final GroupOffsets offsets = new GroupOffsets();
    int nextMemberId;

    Loaded(int partition, int coordinatorEpoch) {
      this.partition = partition;
      this.coordinatorEpoch = coordinatorEpoch;
    }
  }

  private final ReplogConfig config;
  private final NodeContext ctx;
  private final IntFunction<PartitionReplica> replicas;
  private final Map<Integer, Loaded> loaded = new TreeMap<>();
  private final GroupMembership membership;

  GroupCoordinator(ReplogConfig config, NodeContext ctx, IntFunction<PartitionReplica> replicas) {
    this.config = config;
    this.ctx = ctx;
    this.replicas = replicas;
    this.membership = new GroupMembership(ctx, this::store);
  }

  /** The replica of an offsets partition may have changed role: load it, or drop it. */
  void onLeadership(PartitionReplica r) {
    Loaded l = loaded.get(r.partition);
    if (r.isLeader() && (l == null || l.coordinatorEpoch != r.leaderEpoch())) {
      Loaded fresh = new Loaded(r.partition, r.leaderEpoch());
      loaded.put(r.partition, fresh);
      catchUp(fresh, true);
    } else if (!r.isLeader() && l != null) {
      loaded.remove(r.partition);
    }
  }

  /**
   * Reads what the log committed since the last call; while loading, each group's last metadata
   * becomes the group. A leader reads only its high watermark: a record of its own above it is not
   * yet state.
   */
  private void catchUp(Loaded l, boolean loading) {
    PartitionReplica r = replicas.apply(l.partition);
    long now = ctx.nowMicros();
    l.offsets.catchUp(
        r,
        g -> {
          if (loading) {
            l.groups.put(g.groupId(), Group.loaded(g, now));
          }
        });
  }

  /** Periodic work: session expiry and join deadlines, and offsets committed by markers. */
  void tick() {
    for (Loaded l : loaded.values()) {
      if (!l.offsets.loadedAll(replicas.apply(l.partition))) {
        catchUp(l, false);
      }
      for (Group g : l.groups.values()) {
        membership.tick(g);
      }
    }
  }

  private Loaded coordinatorFor(String groupId) {
    return loaded.get(config.groupPartition(groupId));
  }

  /** Writes {@code g}'s metadata; {@code after} hears NONE once committed, or why not. */
  private void store(Group g, java.util.function.Consumer<ErrorCode> after) {
    Loaded l = coordinatorFor(g.id);
    if (l == null || l.groups.get(g.id) != g) {
      after.accept(ErrorCode.NOT_COORDINATOR);
      return;
    }
    append(l, g.stored(), after);
  }

  private void append(Loaded l, StateRecord record, java.util.function.Consumer<ErrorCode> after) {
    replicas
        .apply(l.partition)
        .appendState(
            record,
            error -> {
              if (loaded.get(l.partition) != l) {
                after.accept(ErrorCode.NOT_COORDINATOR);
                return;
              }
              catchUp(l, false);
              after.accept(
                  switch (error) {
                    case NONE -> ErrorCode.NONE;
                    case NOT_LEADER_OR_FOLLOWER -> ErrorCode.NOT_COORDINATOR;
                    default -> ErrorCode.COORDINATOR_NOT_AVAILABLE;
                  });
            });
  }

  void onMessage(int from, GroupMessage m) {
    Loaded l = coordinatorFor(m.group());
    if (l == null) {
      refuse(from, m, ErrorCode.NOT_COORDINATOR);
      return;
    }
    Group g = l.groups.computeIfAbsent(m.group(), Group::new);
    if (m instanceof JoinGroup j) {
      String fresh = j.clientId() + "-" + l.coordinatorEpoch + "-" + ++l.nextMemberId;
      membership.onJoin(g, from, j, fresh);
    } else if (m instanceof GroupMessage.SyncGroup s) {
      membership.onSync(g, from, s);
    } else if (m instanceof GroupMessage.Heartbeat h) {
      ctx.send(
          from, new GroupMessage.HeartbeatResponse(h.requestId(), membership.onHeartbeat(g, h)));
    } else if (m instanceof GroupMessage.LeaveGroup lg) {
      membership.onLeave(g, lg.memberId()); // unanswered: a leaving consumer does not wait
    } else if (m instanceof GroupMessage.OffsetCommit c) {
      onCommit(l, g, from, c);
    } else if (m instanceof GroupMessage.OffsetFetch f) {
      onFetch(l, from, f);
    }
  }

  private void refuse(int from, GroupMessage m, ErrorCode e) {
    if (m instanceof JoinGroup j) {
      ctx.send(from, new JoinGroupResponse(j.requestId(), e, -1, "", "", "", List.of()));
    } else if (m instanceof GroupMessage.SyncGroup s) {
      ctx.send(from, new GroupMessage.SyncGroupResponse(s.requestId(), e, List.of()));
    } else if (m instanceof GroupMessage.Heartbeat h) {
      ctx.send(from, new GroupMessage.HeartbeatResponse(h.requestId(), e));
    } else if (m instanceof GroupMessage.OffsetCommit c) {
      ctx.send(from, new GroupMessage.OffsetCommitResponse(c.requestId(), e));
    } else if (m instanceof GroupMessage.OffsetFetch f) {
      ctx.send(from, new GroupMessage.OffsetFetchResponse(f.requestId(), e, List.of(), List.of()));
    }
  }

  /**
   * OffsetCommit and TxnOffsetCommit, fenced as {@code GroupCoordinator.handleCommitOffsets} and
   * {@code handleTxnCommitOffsets} fence them: a static member whose instance another member id
   * holds is FENCED_INSTANCE_ID, an unknown member UNKNOWN_MEMBER_ID, another generation
   * ILLEGAL_GENERATION; a plain commit while the group completes a rebalance is
   * REBALANCE_IN_PROGRESS. During PreparingRebalance the current generation may still commit (what
   * a consumer does as it revokes its partitions).
   */
  private void onCommit(Loaded l, Group g, int from, GroupMessage.OffsetCommit c) {
    java.util.function.Consumer<ErrorCode> reply =
        e -> ctx.send(from, new GroupMessage.OffsetCommitResponse(c.requestId(), e));
    ErrorCode e = membership.validate(g, c.memberId(), c.instanceId(), c.generation());
    boolean txn = c.producerId() >= 0;
    if (e == ErrorCode.NONE && !txn && g.state == State.COMPLETING_REBALANCE) {
      e = ErrorCode.REBALANCE_IN_PROGRESS;
    }
    if (e != ErrorCode.NONE) {
      reply.accept(e);
      return;
    }
    Member m = g.members.get(c.memberId());
    m.lastHeartbeatMicros = ctx.nowMicros();
    OffsetCommitValue v =
        new OffsetCommitValue(g.id, c.partitions(), c.offsets(), c.producerId(), c.producerEpoch());
    if (txn) {
      l.offsets.appending(v);
    }
    append(
        l,
        v,
        error -> {
          l.offsets.appended(v);
          reply.accept(error);
        });
  }

  private void onFetch(Loaded l, int from, GroupMessage.OffsetFetch f) {
    catchUp(l, false);
    if (f.requireStable() && l.offsets.unstable(f.groupId(), f.partitions())) {
      ctx.send(
          from,
          new GroupMessage.OffsetFetchResponse(
              f.requestId(), ErrorCode.UNSTABLE_OFFSET_COMMIT, List.of(), List.of()));
      return;
    }
    List<Long> offsets = new ArrayList<>();
    for (int p : f.partitions()) {
      offsets.add(l.offsets.committed(f.groupId(), p));
    }
    ctx.send(
        from,
        new GroupMessage.OffsetFetchResponse(
            f.requestId(), ErrorCode.NONE, f.partitions(), offsets));
  }

  /** The generation of {@code groupId} here, or -1 when this broker does not coordinate it. */
  int generation(String groupId) {
    Loaded l = coordinatorFor(groupId);
    Group g = l == null ? null : l.groups.get(groupId);
    return g == null ? -1 : g.generation;
  }
}
