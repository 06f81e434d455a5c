package dev.faultline.models.replog;

import dev.faultline.models.replog.Group.Member;
import dev.faultline.models.replog.Group.State;
import dev.faultline.models.replog.Group.Waiting;
import dev.faultline.models.replog.GroupMessage.JoinGroup;
import dev.faultline.models.replog.GroupMessage.JoinGroupResponse;
import dev.faultline.models.replog.GroupMessage.JoinedMember;
import dev.faultline.models.replog.GroupMessage.SyncGroup;
import dev.faultline.models.replog.GroupMessage.SyncGroupResponse;
import dev.faultline.sim.NodeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The membership rules of the classic group protocol, as Kafka's {@code GroupCoordinator} applies
 * them (handleJoinGroup, handleSyncGroup, handleHeartbeat, handleLeaveGroup, the heartbeat and join
 * purgatories). Every transition of a {@link Group} happens here.
 */
final class GroupMembership {
  /**
   * How long an empty group waits for more members before its first rebalance completes ({@code
   * group.initial.rebalance.delay.ms}, Kafka: 3000 ms, scaled down like the sessions here).
   */
  static final long INITIAL_REBALANCE_DELAY_MICROS = 50_000;

  private final NodeContext ctx;
  private final BiConsumer<Group, Consumer<ErrorCode>> store;

  GroupMembership(NodeContext ctx, BiConsumer<Group, Consumer<ErrorCode>> store) {
    this.ctx = ctx;
    this.store = store;
  }

  /** Fencing of a request that names a member and a generation (commits, heartbeats, syncs). */
  ErrorCode validate(Group g, String memberId, String instanceId, int generation) {
    Member byInstance = g.byInstance(instanceId);
    if (byInstance != null && !byInstance.id.equals(memberId)) {
      return ErrorCode.FENCED_INSTANCE_ID;
    }
    if (!g.members.containsKey(memberId)) {
      return ErrorCode.UNKNOWN_MEMBER_ID;
    }
    return generation == g.generation ? ErrorCode.NONE : ErrorCode.ILLEGAL_GENERATION;
  }

  void onJoin(Group g, int from, JoinGroup j, String freshId) {
    long now = ctx.nowMicros();
    Member m;
    if (j.memberId().isEmpty()) {
      Member known = g.byInstance(j.instanceId());
      if (known != null) {
        // A static member back with a new member id: the old id is fenced (KIP-345).
        g.members.remove(known.id);
        if (known.id.equals(g.leader)) {
          g.leader = freshId;
        }
        known.id = freshId;
        g.members.put(freshId, known);
        m = known;
        if (g.state == State.STABLE && j.protocol().equals(g.protocol)) {
          update(m, j, now);
          ctx.send(from, response(g, m, j.requestId(), false));
          return; // no rebalance: it gets its old assignment through SyncGroup
        }
      } else {
        m = new Member(freshId, j.instanceId(), j.clientId());
        g.members.put(freshId, m);
      }
    } else {
      m = g.members.get(j.memberId());
      Member byInstance = g.byInstance(j.instanceId());
      if (byInstance != null && byInstance != m) {
        refuseJoin(from, j, ErrorCode.FENCED_INSTANCE_ID);
        return;
      }
      if (m == null) {
        refuseJoin(from, j, ErrorCode.UNKNOWN_MEMBER_ID);
        return;
      }
      boolean unchanged = j.protocol().equals(m.protocol) && j.owned().equals(m.owned);
      if (g.state == State.STABLE && unchanged && !m.id.equals(g.leader)) {
        update(m, j, now);
        ctx.send(from, response(g, m, j.requestId(), false));
        return; // Kafka: a follower rejoining unchanged gets the current generation
      }
    }
    update(m, j, now);
    if (m.join != null) {
      refuseJoin(m.join, j.requestId(), ErrorCode.UNKNOWN_MEMBER_ID); // superseded
    }
    m.join = new Waiting(from, j.requestId());
    if (g.state != State.PREPARING_REBALANCE) {
      prepareRebalance(g);
    }
    tryCompleteJoin(g);
  }

  private void refuseJoin(int from, JoinGroup j, ErrorCode e) {
    refuseJoin(new Waiting(from, 0), j.requestId(), e);
  }

  private void refuseJoin(Waiting w, long requestId, ErrorCode e) {
    ctx.send(w.node(), new JoinGroupResponse(requestId, e, -1, "", "", "", List.of()));
  }

  private static void update(Member m, JoinGroup j, long now) {
    m.sessionTimeoutMicros = j.sessionTimeoutMicros();
    m.rebalanceTimeoutMicros = j.rebalanceTimeoutMicros();
    m.protocol = j.protocol();
    m.owned = j.owned();
    m.lastHeartbeatMicros = now;
  }

  /** Into PreparingRebalance: members must rejoin within the rebalance timeout. */
  private void prepareRebalance(Group g) {
    if (g.state == State.COMPLETING_REBALANCE) {
      for (Member m : g.members.values()) {
        if (m.sync != null) {
          ctx.send(
              m.sync.node(),
              new SyncGroupResponse(
                  m.sync.requestId(), ErrorCode.REBALANCE_IN_PROGRESS, List.of()));
          m.sync = null;
        }
      }
    }
    g.initialDelay = g.state == State.EMPTY;
    g.state = State.PREPARING_REBALANCE;
    g.joinDeadlineMicros =
        ctx.nowMicros()
            + (g.initialDelay ? INITIAL_REBALANCE_DELAY_MICROS : g.maxRebalanceTimeoutMicros());
  }

  /**
   * Completes the join once every member rejoined (an empty group waits out its initial delay), or
   * at the deadline, dropping the members that did not rejoin: a new generation, a leader (the old
   * one if it stayed), the members' list to the leader.
   */
  private void tryCompleteJoin(Group g) {
    if (g.state != State.PREPARING_REBALANCE) {
      return;
    }
    boolean due = ctx.nowMicros() >= g.joinDeadlineMicros;
    if (!due && (g.initialDelay || !g.allRejoined())) {
      return;
    }
    g.members.values().removeIf(m -> m.join == null);
    g.generation++;
    if (g.members.isEmpty()) {
      g.state = State.EMPTY;
      g.leader = null;
      return;
    }
    g.state = State.COMPLETING_REBALANCE;
    if (g.leader == null || !g.members.containsKey(g.leader)) {
      g.leader = g.members.keySet().iterator().next();
    }
    g.protocol = g.members.get(g.leader).protocol;
    for (Member m : g.members.values()) {
      ctx.send(m.join.node(), response(g, m, m.join.requestId(), m.id.equals(g.leader)));
      m.join = null;
      m.lastHeartbeatMicros = ctx.nowMicros();
    }
  }

  private static JoinGroupResponse response(Group g, Member m, long requestId, boolean leader) {
    List<JoinedMember> members = new ArrayList<>();
    if (leader) {
      for (Member o : g.members.values()) {
        members.add(new JoinedMember(o.id, o.instanceId, o.owned));
      }
    }
    return new JoinGroupResponse(
        requestId, ErrorCode.NONE, g.generation, m.id, g.leader, g.protocol, members);
  }

  void onSync(Group g, int from, SyncGroup s) {
    ErrorCode e = validate(g, s.memberId(), s.instanceId(), s.generation());
    if (e == ErrorCode.NONE && g.state == State.PREPARING_REBALANCE) {
      e = ErrorCode.REBALANCE_IN_PROGRESS;
    }
    if (e != ErrorCode.NONE) {
      ctx.send(from, new SyncGroupResponse(s.requestId(), e, List.of()));
      return;
    }
    Member m = g.members.get(s.memberId());
    m.lastHeartbeatMicros = ctx.nowMicros();
    if (g.state == State.STABLE) {
      ctx.send(from, new SyncGroupResponse(s.requestId(), ErrorCode.NONE, m.assignment));
      return;
    }
    m.sync = new Waiting(from, s.requestId());
    if (!m.id.equals(g.leader) || g.storing) {
      return;
    }
    for (Member o : g.members.values()) {
      o.assignment = List.of();
    }
    for (GroupMessage.Assignment a : s.assignments()) {
      Member o = g.members.get(a.memberId());
      if (o != null) {
        o.assignment = a.partitions();
      }
    }
    int generation = g.generation;
    g.storing = true;
    store.accept(
        g,
        error -> {
          g.storing = false;
          if (g.generation != generation || g.state != State.COMPLETING_REBALANCE) {
            return; // the group moved on meanwhile; its members were told
          }
          if (error == ErrorCode.NONE) {
            g.state = State.STABLE;
          }
          for (Member o : g.members.values()) {
            if (o.sync != null) {
              List<Integer> mine = error == ErrorCode.NONE ? o.assignment : List.of();
              ctx.send(o.sync.node(), new SyncGroupResponse(o.sync.requestId(), error, mine));
              o.sync = null;
            }
          }
          if (error != ErrorCode.NONE) {
            prepareRebalance(g); // Kafka resets the assignment and rebalances again
          }
        });
  }

  /** Kafka's handleHeartbeat: the answer tells a member to rejoin when the group rebalances. */
  ErrorCode onHeartbeat(Group g, GroupMessage.Heartbeat h) {
    ErrorCode e = validate(g, h.memberId(), h.instanceId(), h.generation());
    if (e != ErrorCode.NONE) {
      return e;
    }
    g.members.get(h.memberId()).lastHeartbeatMicros = ctx.nowMicros();
    return g.state == State.PREPARING_REBALANCE ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE;
  }

  void onLeave(Group g, String memberId) {
    Member m = g.members.remove(memberId);
    if (m != null) {
      removed(g, m);
    }
  }

  private void removed(Group g, Member m) {
    if (m.join != null) {
      refuseJoin(m.join, m.join.requestId(), ErrorCode.UNKNOWN_MEMBER_ID);
    }
    if (g.state == State.STABLE || g.state == State.COMPLETING_REBALANCE) {
      prepareRebalance(g);
    }
    tryCompleteJoin(g);
  }

  /**
   * Expires members unheard for their session timeout (a member waiting in a join is not expired:
   * the join deadline decides for it), and completes joins whose deadline passed.
   */
  void tick(Group g) {
    long now = ctx.nowMicros();
    for (Member m : List.copyOf(g.members.values())) {
      if (m.join == null && now - m.lastHeartbeatMicros > m.sessionTimeoutMicros) {
        g.members.remove(m.id);
        removed(g, m);
      }
    }
    tryCompleteJoin(g);
  }
}
