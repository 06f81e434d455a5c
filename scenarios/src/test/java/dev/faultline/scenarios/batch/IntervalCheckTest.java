package dev.faultline.scenarios.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.models.batch.DagRun;
import dev.faultline.models.batch.DagRun.Kind;
import dev.faultline.models.batch.DagRun.State;
import dev.faultline.models.batch.OutputRow;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Hand-built sinks and runs, one per anomaly the interval-output check names. */
class IntervalCheckTest {
  private static final int ROWS = 3;

  /** Interval {@code i}'s rows 0..ROWS-1, written by run {@code run} attempt {@code attempt}. */
  private static List<OutputRow> processed(int interval, long run, int attempt) {
    List<OutputRow> rows = new ArrayList<>();
    for (int j = 0; j < ROWS; j++) {
      rows.add(new OutputRow(interval * 1000L + j, run, attempt));
    }
    return rows;
  }

  private static DagRun run(long id, int interval, Kind kind, State state, int attempts) {
    return new DagRun(id, interval, kind, state, attempts, "w1", 0);
  }

  private static SortedMap<Integer, List<OutputRow>> sink() {
    SortedMap<Integer, List<OutputRow>> sink = new TreeMap<>();
    sink.put(1, processed(1, 1, 1));
    sink.put(2, processed(2, 2, 2));
    return sink;
  }

  private static List<DagRun> runs() {
    return new ArrayList<>(
        List.of(
            run(1, 1, Kind.SCHEDULED, State.SUCCESS, 1),
            run(2, 2, Kind.SCHEDULED, State.SUCCESS, 2)));
  }

  @Test
  void oneProcessedCopyOfEveryIntervalIsExact() {
    assertTrue(IntervalCheck.check(2, ROWS, sink(), runs()).isEmpty());
  }

  @Test
  void aRetryThatAppendedAgainIsADuplicateNamingBothAttempts() {
    SortedMap<Integer, List<OutputRow>> sink = sink();
    List<OutputRow> twice = new ArrayList<>(processed(2, 2, 1));
    twice.addAll(processed(2, 2, 2));
    sink.put(2, twice);
    List<IntervalCheck.Anomaly> found = IntervalCheck.check(2, ROWS, sink, runs());
    assertEquals(ROWS, found.size());
    IntervalCheck.Anomaly a = found.get(0);
    assertEquals("duplicate", a.kind());
    assertEquals(2, a.interval());
    assertEquals(2000, a.row());
    assertTrue(a.detail().contains("written 2 times, by run 2 attempt 1 and run 2 attempt 2"));
    assertTrue(a.detail().contains("run 2 (scheduled, success after 2 attempts)"));
  }

  @Test
  void aBackfillThatAppendedOverAScheduledRunIsADuplicateNamingBothRuns() {
    SortedMap<Integer, List<OutputRow>> sink = sink();
    List<OutputRow> twice = new ArrayList<>(processed(1, 1, 1));
    twice.addAll(processed(1, 3, 1));
    sink.put(1, twice);
    List<DagRun> runs = runs();
    runs.add(run(3, 1, Kind.BACKFILL, State.SUCCESS, 1));
    List<IntervalCheck.Anomaly> found = IntervalCheck.check(2, ROWS, sink, runs);
    assertEquals(List.of("duplicate"), found.stream().map(a -> a.kind()).distinct().toList());
    assertTrue(found.get(0).detail().contains("by run 1 attempt 1 and run 3 attempt 1"));
    assertTrue(found.get(0).detail().contains("run 3 (backfill, success after 1 attempt)"));
  }

  @Test
  void anIntervalNoRunEverProcessedIsMissingEveryRow() {
    List<IntervalCheck.Anomaly> found = IntervalCheck.check(3, ROWS, sink(), runs());
    assertEquals(ROWS, found.size());
    for (IntervalCheck.Anomaly a : found) {
      assertEquals("missing", a.kind());
      assertEquals(3, a.interval());
      assertTrue(a.detail().contains("no run of interval 3 was ever created"), a.detail());
    }
  }

  @Test
  void aRunThatFailedForGoodLeavesItsRowsMissingAndIsNamed() {
    SortedMap<Integer, List<OutputRow>> sink = sink();
    sink.remove(2);
    List<DagRun> runs = runs();
    runs.set(1, run(2, 2, Kind.SCHEDULED, State.FAILED, 4));
    List<IntervalCheck.Anomaly> found = IntervalCheck.check(2, ROWS, sink, runs);
    assertEquals(ROWS, found.size());
    assertTrue(found.get(0).detail().contains("nothing was written"));
    assertTrue(found.get(0).detail().contains("run 2 (scheduled, failed after 4 attempts)"));
  }

  @Test
  void aPartialReadIsMissingTheRowsItDidNotSee() {
    SortedMap<Integer, List<OutputRow>> sink = sink();
    sink.put(2, processed(2, 2, 2).subList(0, ROWS - 1));
    List<IntervalCheck.Anomaly> found = IntervalCheck.check(2, ROWS, sink, runs());
    assertEquals(1, found.size());
    assertEquals("missing", found.get(0).kind());
    assertEquals(2002, found.get(0).row());
    assertTrue(found.get(0).detail().contains("partition written by run 2 attempt 2"));
  }

  @Test
  void aRowOfAnotherIntervalIsForeignAndNamesItsWriter() {
    SortedMap<Integer, List<OutputRow>> sink = sink();
    List<OutputRow> two = new ArrayList<>(processed(2, 2, 2));
    two.add(new OutputRow(1002, 2, 2));
    sink.put(2, two);
    List<IntervalCheck.Anomaly> found = IntervalCheck.check(2, ROWS, sink, runs());
    assertEquals(1, found.size());
    IntervalCheck.Anomaly a = found.get(0);
    assertEquals("foreign", a.kind());
    assertEquals(2, a.interval());
    assertEquals(1002, a.row());
    assertTrue(a.detail().contains("row 1002 of interval 1 written by run 2 attempt 2"));
  }
}
