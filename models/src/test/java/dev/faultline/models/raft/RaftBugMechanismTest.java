package dev.faultline.models.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each bug flag, shown at the step where the protocol goes wrong, with scripted peers around one
 * real voter. (The scenario sweeps show what the mistakes lead to under random faults.)
 */
class RaftBugMechanismTest {
  /** A scripted peer: grants every vote, fetches from whoever announces leadership. */
  static final class Peer implements Node {
    final List<Boolean> answers = new ArrayList<>();
    final long fetchOffset;
    final int lastFetchedEpoch;
    NodeContext ctx;

    Peer(long fetchOffset, int lastFetchedEpoch) {
      this.fetchOffset = fetchOffset;
      this.lastFetchedEpoch = lastFetchedEpoch;
    }

    @Override
    public void start(NodeContext context) {
      ctx = context;
    }

    void send(int to, Message m) {
      ctx.send(to, m);
    }

    @Override
    public void onMessage(NodeContext context, int from, Message m) {
      if (m instanceof RaftMessage.VoteResponse r) {
        answers.add(r.granted());
      } else if (m instanceof RaftMessage.VoteRequest v) {
        ctx.send(from, new RaftMessage.VoteResponse(v.epoch(), true, -1));
      } else if (m instanceof RaftMessage.BeginQuorumEpoch b) {
        ctx.send(
            from, new RaftMessage.FetchRequest(b.epoch(), 1, fetchOffset, lastFetchedEpoch, 0));
      }
    }

    @Override
    public void onTimer(NodeContext context, Object tag) {}
  }

  private static RaftConfig config(RaftBug bug, long electionTimeoutMicros) {
    return RaftConfig.builder(3)
        .electionTimeout(electionTimeoutMicros, 2 * electionTimeoutMicros)
        .fetchTimeout(2 * electionTimeoutMicros)
        .fetchMaxWait(100_000)
        .readPath(ReadPath.LOG)
        .epochStartRecord(true)
        .bug(bug)
        .build();
  }

  private static List<Boolean> voteTwiceAcrossARestart(RaftBug bug) {
    Simulation sim = new Simulation(SimConfig.of(4));
    // A long election timeout keeps the voter from campaigning during the script.
    RaftConfig raft = config(bug, 10_000_000);
    sim.addNode("n1", () -> new RaftNode(raft));
    Peer c2 = new Peer(0, 0);
    Peer c3 = new Peer(0, 0);
    sim.addNode("n2", () -> c2);
    sim.addNode("n3", () -> c3);
    sim.at(1_000, () -> c2.send(0, new RaftMessage.VoteRequest(5, 1, 0, 0)));
    sim.at(10_000, () -> sim.apply(new Fault.Crash("n1")));
    sim.at(20_000, () -> sim.apply(new Fault.Restart("n1")));
    sim.at(30_000, () -> c3.send(0, new RaftMessage.VoteRequest(5, 2, 0, 0)));
    sim.runUntil(100_000);
    return List.of(c2.answers.get(0), c3.answers.get(0));
  }

  @Test
  void aVoteSurvivesARestartSoASecondCandidateInTheSameEpochIsRefused() {
    assertEquals(List.of(true, false), voteTwiceAcrossARestart(RaftBug.NONE));
  }

  @Test
  void withVoteNotPersistedARestartedVoterVotesTwiceInOneEpoch() {
    assertEquals(List.of(true, true), voteTwiceAcrossARestart(RaftBug.VOTE_NOT_PERSISTED));
  }

  /**
   * The voter's log holds two entries of epoch 1 that were never committed; it is elected in epoch
   * 3 and appends its LeaderChange at offset 2. A follower that holds the epoch-1 entries fetches
   * from offset 2: a majority now stores offsets 0..1, but none of epoch 3.
   */
  private static long highWatermarkAfterCountingOldEntries(RaftBug bug) {
    Simulation sim = new Simulation(SimConfig.of(5));
    sim.addNode("n1", () -> new RaftNode(config(bug, 50_000)));
    sim.addNode("n2", () -> new Peer(2, 1));
    sim.addNode("n3", () -> new Peer(0, 0));
    sim.disk(0).append(RaftLog.DISK_LOG, new LogEntry(0, 1, new Command.LeaderChange(1)));
    sim.disk(0).append(RaftLog.DISK_LOG, new LogEntry(1, 1, new Command.Put(9, 1, 0, 42)));
    sim.disk(0).put(QuorumState.DISK_KEY, new QuorumState.Persisted(2, -1));
    sim.disk(0).sync();
    sim.runUntil(500_000);
    RaftNode n1 = (RaftNode) sim.node(0);
    assertEquals(3, n1.epoch());
    return n1.highWatermark();
  }

  @Test
  void theLeaderDoesNotCommitEarlierEpochEntriesByCountingReplicas() {
    assertEquals(0, highWatermarkAfterCountingOldEntries(RaftBug.NONE));
  }

  @Test
  void withCommitPreviousEpochTheLeaderCommitsThemByCounting() {
    assertEquals(2, highWatermarkAfterCountingOldEntries(RaftBug.COMMIT_PREVIOUS_EPOCH));
  }
}
