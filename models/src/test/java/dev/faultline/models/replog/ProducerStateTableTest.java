package dev.faultline.models.replog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.sim.Disk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerStateTableTest {
  private final ProducerStateTable table = new ProducerStateTable();
  private final ReplicaLog log = new ReplicaLog(new Disk(), 0);

  private static ProducerBatch batch(long pid, int epoch, int seq, int n) {
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(pid * 1000 + seq + i);
    }
    return new ProducerBatch(pid, epoch, seq, values);
  }

  /** Appends {@code b} to the log as a leader would, keeping the table in step. */
  private long append(ProducerBatch b) {
    long base = log.endOffset();
    List<LogEntry> entries = new ArrayList<>();
    for (int i = 0; i < b.values().size(); i++) {
      long last = base + b.values().size() - 1;
      entries.add(
          new LogEntry(
              base + i,
              1,
              b.values().get(i),
              b.producerId(),
              b.producerEpoch(),
              b.baseSequence(),
              b.lastSequence(),
              last));
    }
    log.append(entries);
    entries.forEach(table::onAppended);
    return base;
  }

  private ProducerStateTable.Verdict verdict(ProducerBatch b) {
    return table.check(b).verdict();
  }

  @Test
  void anExactDuplicateIsAnsweredWithTheOriginalOffset() {
    append(batch(7, 0, 0, 3));
    long second = append(batch(7, 0, 3, 2));
    ProducerStateTable.Check c = table.check(batch(7, 0, 3, 2));
    assertEquals(ProducerStateTable.Verdict.DUPLICATE, c.verdict());
    assertEquals(second, c.duplicateOfOffset());
  }

  @Test
  void aGapInSequenceNumbersIsRejected() {
    append(batch(7, 0, 0, 3));
    assertEquals(ProducerStateTable.Verdict.OUT_OF_ORDER_SEQUENCE, verdict(batch(7, 0, 5, 1)));
    assertEquals(ProducerStateTable.Verdict.APPEND, verdict(batch(7, 0, 3, 1)));
  }

  @Test
  void aLowerEpochIsRejectedAndANewEpochStartsAtSequenceZero() {
    append(batch(7, 2, 0, 1));
    assertEquals(ProducerStateTable.Verdict.INVALID_EPOCH, verdict(batch(7, 1, 1, 1)));
    assertEquals(ProducerStateTable.Verdict.OUT_OF_ORDER_SEQUENCE, verdict(batch(7, 3, 4, 1)));
    assertEquals(ProducerStateTable.Verdict.APPEND, verdict(batch(7, 3, 0, 1)));
  }

  @Test
  void onlyTheLastFiveBatchesAreRecognisedAsDuplicates() {
    for (int seq = 0; seq < 6; seq++) {
      append(batch(7, 0, seq, 1));
    }
    assertEquals(ProducerStateTable.Verdict.OUT_OF_ORDER_SEQUENCE, verdict(batch(7, 0, 0, 1)));
    assertEquals(ProducerStateTable.Verdict.DUPLICATE, verdict(batch(7, 0, 1, 1)));
  }

  @Test
  void aNewProducerInstanceIsNotRecognisedAsTheOldOne() {
    append(batch(7, 0, 0, 2));
    // The same records resent by a restarted application get a new producer id: appended again.
    ProducerBatch resent = new ProducerBatch(8, 0, 0, batch(7, 0, 0, 2).values());
    assertEquals(ProducerStateTable.Verdict.APPEND, verdict(resent));
  }

  @Test
  void aRebuiltTableRemembersWhatTheLogHolds() {
    append(batch(7, 0, 0, 2));
    append(batch(7, 0, 2, 2));
    ProducerStateTable rebuilt = new ProducerStateTable();
    rebuilt.rebuild(log);
    assertEquals(2, rebuilt.check(batch(7, 0, 2, 2)).duplicateOfOffset());
  }
}
