package dev.faultline.scenarios.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One run per lesson of {@code batch-backfill}, without generated faults so that each shows the one
 * effect its knobs force; and the knob conflicts it refuses.
 */
class BatchBackfillScenarioTest {
  private static final BatchBackfillScenario SCENARIO = new BatchBackfillScenario();

  private static Knobs knobs(String... settings) {
    Map<String, String> knobs = new LinkedHashMap<>();
    for (String s : settings) {
      knobs.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
    }
    return Knobs.resolve(SCENARIO, knobs);
  }

  private static ScenarioResult run(String... settings) {
    return ScenarioRunner.run(SCENARIO, RunSpec.of(1, knobs(settings)));
  }

  private static Verdict output(ScenarioResult r) {
    return r.verdicts().stream().filter(v -> v.check().equals("interval-output")).findFirst().get();
  }

  private static void assertLive(ScenarioResult r) {
    Verdict live =
        r.verdicts().stream().filter(v -> v.check().equals("liveness")).findFirst().get();
    assertEquals(Verdict.Status.PASS, live.status(), r.replayCommand());
  }

  @Test
  void aBackfillRangeOutsideTheScheduleIsRefusedInOneSentence() {
    for (String bad : List.of("3..9", "5..3", "0..2", "x", "2..3..4")) {
      KnobException e = assertThrows(KnobException.class, () -> knobs("backfill=" + bad));
      assertTrue(e.getMessage().startsWith("backfill='" + bad + "' is neither"), e.getMessage());
      assertTrue(e.getMessage().endsWith("intervals=8"), e.getMessage());
    }
    knobs("backfill=8");
    knobs("backfill=1..8");
  }

  @Test
  void aForcedFaultWithNoRoomUnderMaxDownOrPastTheFaultPhaseIsRefused() {
    KnobException none =
        assertThrows(KnobException.class, () -> knobs("fault=zombie-worker", "max-down=0"));
    assertTrue(none.getMessage().contains("max-down is 0"), none.getMessage());
    KnobException late =
        assertThrows(
            KnobException.class, () -> knobs("fault=scheduler-downtime", "downtime-intervals=9"));
    assertTrue(late.getMessage().contains("after the fault phase"), late.getMessage());
  }

  @Test
  void aBackfillOverwritingPartitionsLeavesEveryIntervalExact() {
    ScenarioResult r = run("faults=none", "backfill=3..5");
    assertEquals(Verdict.Status.PASS, r.status(), r.replayCommand());
    assertEquals(3.0, r.metrics().get("runs.backfill"), r.replayCommand());
  }

  @Test
  void aBackfillAppendingDuplicatesEveryReRunIntervalAndNamesBothRuns() {
    ScenarioResult r = run("faults=none", "backfill=3..5", "write=append");
    Verdict v = output(r);
    assertEquals(List.of("duplicate"), v.anomalies(), r.replayCommand());
    assertEquals(15.0, r.metrics().get("anomaly.duplicate"), r.replayCommand());
    assertTrue(v.summary().endsWith("interval(s) [3, 4, 5]"), v.summary());
    assertTrue(v.details().get(0).contains("(backfill, success"), v.details().get(0));
    assertTrue(v.details().get(0).contains("(scheduled, success"), v.details().get(0));
    assertLive(r);
  }

  @Test
  void aBackfillThatReprocessesNothingCreatesNoRunForIntervalsThatRan() {
    ScenarioResult r =
        run("faults=none", "backfill=3..5", "write=append", "reprocess-behavior=none");
    assertEquals(Verdict.Status.PASS, r.status(), r.replayCommand());
    assertEquals(0.0, r.metrics().get("runs.backfill"), r.replayCommand());
  }

  @Test
  void schedulerDowntimeIsCaughtUpWithCatchupAndLeavesGapsWithout() {
    ScenarioResult caught = run("faults=none", "fault=scheduler-downtime");
    assertEquals(Verdict.Status.PASS, caught.status(), caught.replayCommand());
    assertEquals(8.0, caught.metrics().get("runs"), caught.replayCommand());

    ScenarioResult gaps = run("faults=none", "fault=scheduler-downtime", "catchup=false");
    Verdict v = output(gaps);
    assertEquals(List.of("missing"), v.anomalies(), gaps.replayCommand());
    assertTrue(v.details().get(0).contains("was ever created"), v.details().get(0));
    assertLive(gaps);
  }

  @Test
  void aZombieWorkerStillWritesAndAppendingMakesASecondCopyOfItsInterval() {
    ScenarioResult r = run("faults=none", "fault=zombie-worker", "write=append");
    assertTrue(r.schedule().print().contains("pause w"), r.schedule().print());
    Verdict v = output(r);
    assertEquals(List.of("duplicate"), v.anomalies(), r.replayCommand());
    assertTrue(v.details().get(0).contains("attempt 1"), v.details().get(0));
    assertTrue(v.details().get(0).contains("attempt 2"), v.details().get(0));

    ScenarioResult overwrite = run("faults=none", "fault=zombie-worker");
    assertEquals(Verdict.Status.PASS, overwrite.status(), overwrite.replayCommand());
  }

  @Test
  void aCrashDuringTheWriteIsRetriedAndAppendingDuplicatesTheInterval() {
    ScenarioResult r = run("faults=none", "fault=crash-during-write", "write=append");
    assertTrue(r.schedule().print().contains("crash w"), r.schedule().print());
    assertEquals(List.of("duplicate"), output(r).anomalies(), r.replayCommand());
    assertLive(r);
  }

  @Test
  void lateInputIsMissedUnlessTheTaskWaitsForItsMarker() {
    ScenarioResult waits = run("faults=none", "late-ms=300");
    assertEquals(Verdict.Status.PASS, waits.status(), waits.replayCommand());
    ScenarioResult reads = run("faults=none", "late-ms=300", "wait-for-input=false");
    Verdict v = output(reads);
    assertEquals(List.of("missing"), v.anomalies(), reads.replayCommand());
    assertEquals(8.0, reads.metrics().get("anomaly.missing"), reads.replayCommand());
  }

  @Test
  void readingByTheClockInsteadOfTheDataIntervalPullsInAnotherIntervalsRows() {
    ScenarioResult r = run("faults=none", "fault=scheduler-downtime", "bug=read-by-wall-clock");
    Verdict v = output(r);
    assertTrue(v.anomalies().contains("foreign"), r.replayCommand() + " " + v.anomalies());
    assertTrue(v.anomalies().contains("missing"), r.replayCommand() + " " + v.anomalies());
  }
}
