package dev.faultline.models.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.PartitionShape;
import dev.faultline.sim.history.OpLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaftClusterTest {
  private static RaftConfig config(int voters, RaftBug bug) {
    return RaftConfig.builder(voters)
        .electionTimeout(150_000, 300_000)
        .fetchTimeout(300_000)
        .fetchMaxWait(100_000)
        .preVote(true)
        .epochStartRecord(true)
        .bug(bug)
        .build();
  }

  private static Simulation cluster(long seed, int voters, int clients) {
    Simulation sim = new Simulation(SimConfig.of(seed));
    RaftConfig raft = config(voters, RaftBug.NONE);
    for (int i = 1; i <= voters; i++) {
      sim.addNode("n" + i, () -> new RaftNode(raft));
    }
    ClientConfig client = new ClientConfig(voters, 2, 20_000, 200_000, 2_000_000, 0.4, 0.3);
    OpLog history = sim.history();
    for (int i = 1; i <= clients; i++) {
      sim.addNode("c" + i, () -> new KvClient(client, history));
    }
    sim.addInvariant(new SingleLeaderPerEpoch(voters));
    sim.addInvariant(new MonotonicHighWatermark(voters));
    sim.addInvariant(new CommittedLogIntact(voters));
    sim.addInvariant(new LogMatching(voters));
    return sim;
  }

  private static List<Integer> leaders(Simulation sim, int voters) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < voters; i++) {
      if (sim.node(i) instanceof RaftNode n && n.isLeader()) {
        out.add(i);
      }
    }
    return out;
  }

  private static long count(Simulation sim, OpLog.Type type) {
    return sim.history().entries().stream().filter(e -> e.type() == type).count();
  }

  @Test
  void threeVotersElectOneLeaderWhoseCommittedEntriesReachEveryFollower() {
    Simulation sim = cluster(1, 3, 2);
    sim.runUntil(2_000_000);
    assertEquals(1, leaders(sim, 3).size());
    assertTrue(count(sim, OpLog.Type.OK) > 20, "clients completed operations");
    RaftNode leader = (RaftNode) sim.node(leaders(sim, 3).get(0));
    for (int i = 0; i < 3; i++) {
      RaftNode n = (RaftNode) sim.node(i);
      assertTrue(n.highWatermark() > 0);
      for (long o = 0; o < n.highWatermark(); o++) {
        assertEquals(leader.log().entry(o), n.log().entry(o));
      }
    }
  }

  @Test
  void anIsolatedLeaderResignsByCheckQuorumAndTheMajorityElectsAnother() {
    Simulation sim = cluster(2, 5, 2);
    sim.runUntil(1_000_000);
    int old = leaders(sim, 5).get(0);
    int oldEpoch = ((RaftNode) sim.node(old)).epoch();
    List<String> rest = new ArrayList<>(sim.nodeNames().subList(0, 5));
    rest.remove(sim.nameOf(old));
    sim.apply(new Fault.Partition(PartitionShape.ISOLATE, List.of(List.of(sim.nameOf(old)), rest)));
    sim.runUntil(2_500_000);
    assertFalse(((RaftNode) sim.node(old)).isLeader(), "the cut-off leader resigned");
    List<Integer> now = leaders(sim, 5);
    assertEquals(1, now.size());
    assertTrue(((RaftNode) sim.node(now.get(0))).epoch() > oldEpoch);
    sim.apply(new Fault.Heal());
    sim.runUntil(3_500_000);
    RaftNode rejoined = (RaftNode) sim.node(old);
    assertEquals("follower", rejoined.role());
    assertEquals(now.get(0).intValue(), rejoined.knownLeader());
  }

  @Test
  void aCrashedLeaderIsReplacedAndRecoversItsLogFromDisk() {
    Simulation sim = cluster(3, 3, 2);
    sim.runUntil(1_000_000);
    int old = leaders(sim, 3).get(0);
    long logBefore = ((RaftNode) sim.node(old)).log().endOffset();
    sim.apply(new Fault.Crash(sim.nameOf(old)));
    sim.runUntil(2_000_000);
    assertEquals(1, leaders(sim, 3).size());
    sim.apply(new Fault.Restart(sim.nameOf(old)));
    RaftNode restarted = (RaftNode) sim.node(old);
    assertEquals(logBefore, restarted.log().endOffset(), "every appended entry was synced");
    sim.runUntil(3_000_000);
    assertEquals("follower", ((RaftNode) sim.node(old)).role());
  }
}
