package dev.faultline.scenarios.raft;

import dev.faultline.models.raft.RaftNode;
import dev.faultline.scenarios.compose.Nemesis;
import dev.faultline.scenarios.compose.NemesisContext;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.PartitionShape;
import java.util.ArrayList;
import java.util.List;

/**
 * The Raft paper's leader-election experiment (§9.3, Figure 16) as a nemesis: it waits for a leader
 * that every voter follows, leaves some followers with shorter logs, crashes the leader uniformly
 * within a heartbeat interval after a heartbeat every follower received, and, once every live voter
 * follows one new leader (or the trial's limit passed), restarts the old leader and, when asked for
 * several crashes, does it again. The downtime itself is measured by {@link ElectionTrials}, a
 * probe.
 *
 * <p>Writes: {@link TrialWriter} writes one entry each time it starts, so the nemesis restarts it
 * through the fault plane; the printed schedule then replays the run, writes included.
 *
 * <p>Shorter logs: while {@link TrialWriter} writes one entry that the others commit, the chosen
 * followers' fetches cannot reach the leader (under Raft timers a one-way cut just after a
 * heartbeat, so the leader's heartbeats still reach them; under KRaft timers a cut both ways); then
 * the cut heals. Their lost fetch is re-sent only after the re-send interval, so they still lack
 * the entry when the leader crashes: they can vote but cannot win. The heartbeat: under Raft timers
 * the leader's next heartbeat (sent to every follower at once); under KRaft timers, which have
 * none, a second write, which the leader sends to every held fetch at once. Every fault goes
 * through the fault plane (the crash counts against {@code max-down}; a refused crash abandons the
 * trial).
 */
final class LeaderCrashNemesis implements Nemesis {
  private static final long POLL_MICROS = 1_000;
  private static final long STABLE_POLL_MICROS = 10_000;

  private final int writer;
  private final int crashes;
  private final int lagging;
  private final long settleMicros;
  private final long limitMicros;
  private final long windowMicros;
  private final boolean heartbeats;
  private NemesisContext ctx;
  private int leader = -1;
  private int oldEpoch;
  private long mark;
  private long deadline;
  private long crashAt;
  private int done;

  /**
   * @param writer the node id of the {@link TrialWriter}
   * @param crashes how many times to crash the leader
   * @param lagging how many followers to leave with shorter logs
   * @param settleMicros how long a leader leads before it is crashed
   * @param limitMicros how long an election may take before the trial is given up as censored
   * @param windowMicros the heartbeat interval (or fetch wait) the crash falls within
   * @param heartbeats whether the leader sends heartbeats (Raft timers)
   */
  LeaderCrashNemesis(
      int writer,
      int crashes,
      int lagging,
      long settleMicros,
      long limitMicros,
      long windowMicros,
      boolean heartbeats) {
    this.writer = writer;
    this.crashes = crashes;
    this.lagging = lagging;
    this.settleMicros = settleMicros;
    this.limitMicros = limitMicros;
    this.windowMicros = windowMicros;
    this.heartbeats = heartbeats;
  }

  @Override
  public String name() {
    return "leader-crash-nemesis";
  }

  @Override
  public void start(NemesisContext context) {
    this.ctx = context;
    later(STABLE_POLL_MICROS, this::awaitLeader);
  }

  private Simulation sim() {
    return ctx.sim();
  }

  private void later(long delayMicros, Runnable step) {
    long at = sim().nowMicros() + delayMicros;
    if (at < ctx.faultEndMicros()) {
      sim().at(at, step);
    }
  }

  /** Waits for a leader that every live voter follows, then lets it lead for a while. */
  private void awaitLeader() {
    int l = ElectionTrials.followedLeader(sim(), ctx.servers(), -1);
    if (l < 0) {
      later(STABLE_POLL_MICROS, this::awaitLeader);
      return;
    }
    leader = l;
    oldEpoch = node(l).epoch();
    later(settleMicros, this::shortenLogs);
  }

  private RaftNode node(int id) {
    return (RaftNode) sim().node(id);
  }

  private void shortenLogs() {
    if (ElectionTrials.followedLeader(sim(), ctx.servers(), -1) != leader) {
      later(STABLE_POLL_MICROS, this::awaitLeader);
      return;
    }
    if (lagging == 0) {
      synchronize();
      return;
    }
    List<String> behind = new ArrayList<>();
    List<String> followers = new ArrayList<>(ctx.servers());
    String leaderName = sim().nameOf(leader);
    followers.remove(leaderName);
    for (int i = 0; i < lagging && !followers.isEmpty(); i++) {
      behind.add(followers.remove(ctx.random().nextInt(followers.size())));
    }
    long cutAt = sim().nowMicros() + 1;
    if (heartbeats) {
      // Just after a heartbeat, cut the laggards' fetches to the leader: the fetch each sends on
      // the heartbeat's answer is lost, so the write below reaches only the others, while the
      // leader's heartbeats still reach the laggards.
      cutAt = node(leader).nextHeartbeatMicros() + 1;
      for (String l : behind) {
        ctx.plane()
            .at(
                cutAt,
                new Fault.Partition(
                    PartitionShape.ONE_WAY, List.of(List.of(l), List.of(leaderName))));
      }
    } else {
      followers.add(leaderName);
      ctx.plane().at(cutAt, new Fault.Partition(PartitionShape.HALVES, List.of(behind, followers)));
    }
    mark = node(leader).log().endOffset();
    deadline = cutAt + settleMicros;
    writeAt(cutAt + 1);
    sim().at(cutAt + 3, this::awaitCommit);
  }

  /** The writer writes when it starts: a crash and a restart, both in the printed schedule. */
  private void writeAt(long atMicros) {
    String name = sim().nameOf(writer);
    ctx.plane().at(atMicros, new Fault.Crash(name));
    ctx.plane().at(atMicros + 1, new Fault.Restart(name));
  }

  private void awaitCommit() {
    if (node(leader) == null || node(leader).highWatermark() > mark) {
      ctx.plane().strike(new Fault.Heal());
      later(2, this::synchronize);
    } else if (sim().nowMicros() > deadline) {
      ctx.plane().strike(new Fault.Heal()); // no commit: give the trial up and start again
      later(STABLE_POLL_MICROS, this::awaitLeader);
    } else {
      later(POLL_MICROS, this::awaitCommit);
    }
  }

  /** Finds the broadcast every follower received, then schedules the crash within a window. */
  private void synchronize() {
    RaftNode l = node(leader);
    if (l == null || !l.isLeader()) {
      later(STABLE_POLL_MICROS, this::awaitLeader);
      return;
    }
    if (heartbeats) {
      crashWithinWindowAfter(l.nextHeartbeatMicros());
      return;
    }
    mark = l.log().endOffset();
    writeAt(sim().nowMicros() + 1);
    later(POLL_MICROS, this::awaitBroadcast);
  }

  private void awaitBroadcast() {
    RaftNode l = node(leader);
    if (l == null || !l.isLeader()) {
      later(STABLE_POLL_MICROS, this::awaitLeader);
    } else if (l.log().endOffset() > mark) {
      crashWithinWindowAfter(sim().nowMicros());
    } else {
      later(POLL_MICROS, this::awaitBroadcast);
    }
  }

  private void crashWithinWindowAfter(long broadcastMicros) {
    crashAt = broadcastMicros + 1 + ctx.random().nextLong(Math.max(1, windowMicros - 1));
    ctx.plane().at(crashAt, new Fault.Crash(sim().nameOf(leader)));
    sim().at(crashAt + 1, this::measure);
  }

  /** Polls until every live voter follows one new leader, or the trial's limit passes. */
  private void measure() {
    long now = sim().nowMicros();
    if (sim().isUp(leader) && now <= crashAt + 1) {
      later(STABLE_POLL_MICROS, this::awaitLeader); // max-down refused the crash
      return;
    }
    int next = ElectionTrials.followedLeader(sim(), ctx.servers(), leader);
    if (next >= 0 || now - crashAt >= limitMicros) {
      // The probe has timed the election; bring the old leader back and go again.
      ctx.plane().strike(new Fault.Restart(sim().nameOf(leader)));
      if (++done < crashes) {
        later(STABLE_POLL_MICROS, this::awaitLeader);
      }
      return;
    }
    later(POLL_MICROS, this::measure);
  }
}
