package dev.faultline.models.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.sim.Disk;
import org.junit.jupiter.api.Test;

class RaftLogTest {
  private static RaftLog logWithEpochs(Disk disk, int... epochs) {
    RaftLog log = new RaftLog(disk);
    for (int e : epochs) {
      log.append(new LogEntry(log.endOffset(), e, new Command.LeaderChange(0)));
    }
    log.sync();
    return log;
  }

  @Test
  void endOffsetForEpochFindsTheLargestEpochNotAboveAndWhereItEnds() {
    RaftLog log = logWithEpochs(new Disk(), 1, 1, 3, 3, 3, 6);
    assertEquals(new RaftLog.EpochEnd(0, 0), log.endOffsetForEpoch(0));
    assertEquals(new RaftLog.EpochEnd(1, 2), log.endOffsetForEpoch(2));
    assertEquals(new RaftLog.EpochEnd(3, 5), log.endOffsetForEpoch(5));
    assertEquals(new RaftLog.EpochEnd(6, 6), log.endOffsetForEpoch(9));
  }

  @Test
  void truncationShortensTheLogAndIsCountedAndANewLogRecoversTheDiskContent() {
    Disk disk = new Disk();
    RaftLog log = logWithEpochs(disk, 1, 2, 2, 4);
    log.truncateTo(2);
    log.sync();
    assertEquals(2, log.endOffset());
    assertEquals(1, log.truncations());
    RaftLog recovered = new RaftLog(disk);
    assertEquals(2, recovered.endOffset());
    assertEquals(2, recovered.lastEpoch());
  }

  @Test
  void aCandidateIsCaughtUpWhenItsLastEpochIsHigherOrItsLogAsLong() {
    RaftLog log = logWithEpochs(new Disk(), 1, 2, 2);
    assertTrue(log.isCaughtUpBy(3, 1));
    assertTrue(log.isCaughtUpBy(2, 3));
    assertFalse(log.isCaughtUpBy(2, 2));
    assertFalse(log.isCaughtUpBy(1, 10));
  }
}
