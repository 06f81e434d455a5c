package dev.faultline.models.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.net.LatencyModel;
import dev.faultline.sim.net.NetworkConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which events move a voter's election deadline, under both timer semantics, shown on one real
 * voter with scripted peers: a vote refused moves nothing, a vote granted draws a fresh timeout,
 * and under KRaft timers a candidate that lost backs off before it tries again.
 */
class TimerRulesTest {
  /** A scripted peer that records when vote requests reach it and answers nothing. */
  static final class Peer implements Node {
    final List<Long> voteRequestsAt = new ArrayList<>();
    NodeContext ctx;

    @Override
    public void start(NodeContext context) {
      ctx = context;
    }

    @Override
    public void onMessage(NodeContext context, int from, Message m) {
      if (m instanceof RaftMessage.VoteRequest) {
        voteRequestsAt.add(context.nowMicros());
      }
    }

    @Override
    public void onTimer(NodeContext context, Object tag) {}
  }

  /**
   * A voter whose election timeout is exactly 100 ms and whose log holds one entry of epoch 1; at
   * 50 ms a peer asks for its vote in epoch 5 with a log of {@code candidateEntries} entries of
   * epoch 1. Returns when the voter first asked for votes itself.
   */
  private static long firstCandidacyAfterAVoteRequest(Timers timers, int candidateEntries) {
    Simulation sim =
        new Simulation(
            SimConfig.of(3)
                .withNetwork(NetworkConfig.lan().withLatency(new LatencyModel.Fixed(1_000))));
    RaftConfig raft =
        RaftConfig.builder(3)
            .timers(timers)
            .electionTimeout(100_000, 100_000)
            .fetchTimeout(100_000)
            .build();
    sim.addNode("n1", () -> new RaftNode(raft));
    Peer p2 = new Peer();
    Peer p3 = new Peer();
    sim.addNode("n2", () -> p2);
    sim.addNode("n3", () -> p3);
    sim.disk(0).append(RaftLog.DISK_LOG, new LogEntry(0, 1, new Command.LeaderChange(0)));
    sim.disk(0).sync();
    sim.at(49_000, () -> p2.ctx.send(0, new RaftMessage.VoteRequest(5, 1, 1, candidateEntries)));
    sim.runUntil(300_000);
    return p3.voteRequestsAt.get(0);
  }

  @Test
  void aRefusedVoteLeavesTheRefusersTimerAloneUnderRaftTimers() {
    // Refused (the candidate's log is shorter): the voter campaigns at its first deadline.
    assertEquals(101_000, firstCandidacyAfterAVoteRequest(Timers.RAFT, 0));
  }

  @Test
  void aRefusedVoteLeavesTheRefusersTimerAloneUnderKraftTimers() {
    assertEquals(101_000, firstCandidacyAfterAVoteRequest(Timers.KRAFT, 0));
  }

  @Test
  void aGrantedVoteDrawsAFreshTimeoutUnderBothTimers() {
    // Granted at 50 ms: the voter waits a whole timeout from then.
    assertEquals(151_000, firstCandidacyAfterAVoteRequest(Timers.RAFT, 1));
    assertEquals(151_000, firstCandidacyAfterAVoteRequest(Timers.KRAFT, 1));
  }

  /** Voter n1 alone with two silent peers: when does it ask for votes, in which epochs? */
  private static List<Long> candidacies(Timers timers) {
    Simulation sim =
        new Simulation(
            SimConfig.of(9)
                .withNetwork(NetworkConfig.lan().withLatency(new LatencyModel.Fixed(1_000))));
    RaftConfig raft =
        RaftConfig.builder(3)
            .timers(timers)
            .electionTimeout(100_000, 100_000)
            .electionBackoffMax(1_000_000)
            .build();
    sim.addNode("n1", () -> new RaftNode(raft));
    Peer p2 = new Peer();
    sim.addNode("n2", () -> p2);
    sim.addNode("n3", Peer::new);
    sim.runUntil(2_000_000);
    return p2.voteRequestsAt;
  }

  @Test
  void underRaftTimersAFailedElectionIsFollowedAtOnceByTheNext() {
    List<Long> at = candidacies(Timers.RAFT);
    for (int i = 1; i < at.size(); i++) {
      assertEquals(100_000, at.get(i) - at.get(i - 1), "election " + i);
    }
  }

  @Test
  void underKraftTimersAFailedElectionBacksOffAtRandomBeforeTheNext() {
    List<Long> at = candidacies(Timers.KRAFT);
    assertTrue(at.size() > 3, "several elections: " + at);
    boolean backedOff = false;
    for (int i = 1; i < at.size(); i++) {
      long gap = at.get(i) - at.get(i - 1);
      assertTrue(gap >= 100_000, "a new election waits at least the timeout: " + at);
      backedOff |= gap > 100_000;
      assertFalse(gap > 1_100_000, "the backoff stays below its maximum: " + at);
    }
    assertTrue(backedOff, "some election backed off: " + at);
  }
}
