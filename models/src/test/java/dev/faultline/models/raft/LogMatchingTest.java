package dev.faultline.models.raft;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.sim.InvariantViolation;
import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogMatchingTest {
  private static LogEntry put(long offset, int epoch, long value) {
    return new LogEntry(offset, epoch, new Command.Put(9, offset, 0, value));
  }

  /** Two voters whose disks hold the given logs; each stays unattached (long timeouts). */
  private static Simulation twoVoters(List<LogEntry> first, List<LogEntry> second) {
    Simulation sim = new Simulation(SimConfig.of(1));
    RaftConfig raft = RaftConfig.builder(2).electionTimeout(60_000_000, 60_000_000).build();
    sim.addNode("n1", () -> new RaftNode(raft));
    sim.addNode("n2", () -> new RaftNode(raft));
    for (LogEntry e : first) {
      sim.disk(0).append(RaftLog.DISK_LOG, e);
    }
    for (LogEntry e : second) {
      sim.disk(1).append(RaftLog.DISK_LOG, e);
    }
    sim.disk(0).sync();
    sim.disk(1).sync();
    sim.addInvariant(new LogMatching(2));
    return sim;
  }

  @Test
  void logsThatDivergeAfterTheirLastCommonEntryMatch() {
    Simulation sim =
        twoVoters(
            List.of(put(0, 1, 10), put(1, 1, 11), put(2, 2, 12)),
            List.of(put(0, 1, 10), put(1, 1, 11), put(2, 3, 13), put(3, 3, 14)));
    assertDoesNotThrow(() -> sim.runUntil(1_000));
  }

  @Test
  void twoEntriesWithTheSameOffsetAndEpochButDifferentCommandsBreakLogMatching() {
    Simulation sim =
        twoVoters(List.of(put(0, 1, 10), put(1, 1, 11)), List.of(put(0, 1, 10), put(1, 1, 99)));
    InvariantViolation v = assertThrows(InvariantViolation.class, () -> sim.runUntil(1_000));
    assertTrue(v.detail().contains("same offset and epoch"), v.detail());
  }

  @Test
  void anEpochStartingAfterDifferentHistoriesBreaksLogMatchingEvenWhenItsEntriesAgree() {
    Simulation sim =
        twoVoters(
            List.of(put(0, 1, 10), put(1, 3, 12)),
            List.of(put(0, 1, 10), put(1, 2, 11), put(2, 3, 12)));
    InvariantViolation v = assertThrows(InvariantViolation.class, () -> sim.runUntil(1_000));
    assertTrue(v.detail().contains("starts epoch 3"), v.detail());
  }
}
