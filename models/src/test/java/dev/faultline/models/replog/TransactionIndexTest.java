package dev.faultline.models.replog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionIndexTest {
  private static LogEntry data(long offset, long producer) {
    return new LogEntry(
        offset, 1, 100 + offset, producer, 0, 0, 0, offset, LogEntry.Kind.TXN_DATA, null);
  }

  private static LogEntry marker(long offset, long producer, boolean commit) {
    LogEntry.Kind kind = commit ? LogEntry.Kind.COMMIT : LogEntry.Kind.ABORT;
    return new LogEntry(offset, 1, 0, producer, 0, -1, -1, offset, kind, null);
  }

  @Test
  void theLastStableOffsetStopsAtTheOldestOpenTransaction() {
    TransactionIndex index = new TransactionIndex();
    index.onAppended(data(0, 7));
    index.onAppended(data(1, 8));
    index.onAppended(data(2, 7));
    assertEquals(0, index.lastStableOffset(3));
    index.onAppended(marker(3, 7, true));
    assertEquals(1, index.lastStableOffset(4), "producer 8's transaction is still open");
    index.onAppended(marker(4, 8, true));
    assertEquals(5, index.lastStableOffset(5));
    assertFalse(index.hasOpen(7));
  }

  @Test
  void aCompletedTransactionWhoseMarkerIsNotCommittedStillHoldsTheLastStableOffset() {
    TransactionIndex index = new TransactionIndex();
    index.onAppended(data(0, 7));
    index.onAppended(marker(1, 7, true));
    assertEquals(0, index.lastStableOffset(1), "the marker is above the high watermark");
    assertEquals(2, index.lastStableOffset(2));
  }

  @Test
  void anAbortedTransactionIsIndexedFromItsFirstRecordToItsMarker() {
    TransactionIndex index = new TransactionIndex();
    index.onAppended(data(0, 7));
    index.onAppended(data(1, 7));
    index.onAppended(marker(2, 7, false));
    index.onAppended(data(3, 7));
    assertEquals(List.of(new AbortedTxn(7, 0, 2)), index.abortedBetween(1, 4));
    assertEquals(List.of(), index.abortedBetween(3, 4));
    assertTrue(index.hasOpen(7), "a new transaction began at offset 3");
  }
}
