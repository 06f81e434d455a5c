package dev.faultline.models.replog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.sim.Disk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaLogTest {
  /** A batch of {@code n} plain records at the log's end in {@code epoch}. */
  private static void appendBatch(ReplicaLog log, int epoch, int n) {
    long base = log.endOffset();
    List<LogEntry> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(new LogEntry(base + i, epoch, 100 + base + i, -1, 0, 0, -1, base + n - 1));
    }
    log.append(batch);
  }

  @Test
  void theEndOfAnEpochIsWhereTheNextEpochStarts() {
    ReplicaLog log = new ReplicaLog(new Disk(), 0);
    appendBatch(log, 1, 3);
    appendBatch(log, 3, 2);
    appendBatch(log, 5, 1);
    assertEquals(new ReplicaLog.EpochEnd(1, 3), log.endOffsetForEpoch(1));
    assertEquals(new ReplicaLog.EpochEnd(1, 3), log.endOffsetForEpoch(2));
    assertEquals(new ReplicaLog.EpochEnd(3, 5), log.endOffsetForEpoch(4));
    assertEquals(new ReplicaLog.EpochEnd(5, 6), log.endOffsetForEpoch(9));
    assertEquals(new ReplicaLog.EpochEnd(-1, 0), log.endOffsetForEpoch(0));
  }

  @Test
  void truncationForgetsTheEpochsItRemoves() {
    ReplicaLog log = new ReplicaLog(new Disk(), 0);
    appendBatch(log, 1, 3);
    appendBatch(log, 2, 2);
    log.truncateTo(3);
    assertEquals(3, log.endOffset());
    assertEquals(1, log.lastEpoch());
    assertEquals(new ReplicaLog.EpochEnd(1, 3), log.endOffsetForEpoch(2));
  }

  @Test
  void aReadNeverSplitsABatch() {
    ReplicaLog log = new ReplicaLog(new Disk(), 0);
    appendBatch(log, 1, 4);
    appendBatch(log, 1, 4);
    assertEquals(4, log.read(0, 1, 8).size());
    assertEquals(8, log.read(0, 5, 8).size());
  }

  @Test
  void aRestartedReplicaRecoversItsSyncedLog() {
    Disk disk = new Disk();
    ReplicaLog log = new ReplicaLog(disk, 2);
    appendBatch(log, 1, 3);
    ReplicaLog recovered = new ReplicaLog(disk, 2);
    assertEquals(3, recovered.endOffset());
    assertEquals(log.entries(), recovered.entries());
  }
}
