package dev.faultline.scenarios.batch;

import dev.faultline.models.batch.BatchConfig;
import dev.faultline.models.batch.DagRun;
import dev.faultline.models.batch.OutputRow;
import dev.faultline.models.batch.Scheduler;
import dev.faultline.models.batch.SinkStore;
import dev.faultline.models.batch.SourceStore;
import dev.faultline.models.batch.Worker;
import dev.faultline.scenarios.Knob;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Verdict;
import dev.faultline.scenarios.compose.ComposedScenario;
import dev.faultline.scenarios.compose.Outcome;
import dev.faultline.scenarios.compose.Setup;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code batch-backfill}: a scheduler runs a one-task DAG over daily data intervals, as Airflow
 * does (catch-up after downtime, an explicit backfill of a past range, retries after failures,
 * zombie detection by heartbeat); each task reads its interval's input from a source store and
 * writes its output to a sink store, overwriting the interval's partition or appending rows. The
 * scheduler, the workers, the source and the sink are servers: the shared generator crashes, pauses
 * and cuts them off, and {@code fault=} forces one fault. Check: each interval's partition holds
 * exactly one processed copy of its input, after every retry, re-run and backfill.
 */
public final class BatchBackfillScenario extends ComposedScenario {
  @Override
  public String name() {
    return "batch-backfill";
  }

  @Override
  public String description() {
    return "Airflow-style daily batch with catch-up, backfill, retries and zombie tasks; each"
        + " interval's output must equal one processing of its input.";
  }

  @Override
  public List<Knob> knobs() {
    return BatchKnobs.knobs();
  }

  @Override
  public void checkKnobs(Knobs knobs) {
    BatchKnobs.check(knobs);
  }

  @Override
  protected void compose(Setup s) {
    Knobs k = s.knobs();
    BatchConfig config = BatchKnobs.config(k);
    int scheduler = s.server(BatchKnobs.SCHEDULER, () -> new Scheduler(config));
    s.server(BatchKnobs.SOURCE, () -> new SourceStore(config));
    int sink = s.server(BatchKnobs.SINK, () -> new SinkStore(config));
    for (String w : config.workers()) {
      s.server(w, () -> new Worker(config));
    }
    s.generatedFaults();
    String fault = k.get("fault");
    if (!fault.equals("none")) {
      long zombie = 2 * config.heartbeatTimeoutMicros() + config.retryDelayAfterMicros(1);
      s.nemesis(
          new BatchFaults(
              fault,
              config.workers(),
              config.intervalMicros(),
              config.intervals(),
              BatchKnobs.downtimeStartMicros(k),
              k.getLong("downtime-intervals") * config.intervalMicros(),
              zombie));
    }
    Simulation sim = s.sim();
    s.liveness(() -> () -> done(sim, scheduler));
    s.checker((o, metrics) -> check(o, config, scheduler, sink, metrics));
  }

  private static boolean done(Simulation sim, int scheduler) {
    return sim.isUp(scheduler)
        && sim.node(scheduler) instanceof Scheduler s
        && s.scheduledEverything()
        && s.allFinished();
  }

  private static List<Verdict> check(
      Outcome o, BatchConfig config, int scheduler, int sink, SortedMap<String, Double> metrics) {
    Simulation sim = o.sim();
    List<DagRun> runs = Scheduler.runs(sim.disk(scheduler));
    SortedMap<Integer, List<OutputRow>> partitions = new TreeMap<>();
    for (int i = 1; i <= config.intervals(); i++) {
      partitions.put(i, SinkStore.partition(sim.disk(sink), config.write(), i));
    }
    List<IntervalCheck.Anomaly> anomalies =
        IntervalCheck.check(config.intervals(), config.rowsPerInterval(), partitions, runs);
    measure(runs, anomalies, metrics);
    List<Verdict> out = new ArrayList<>();
    out.add(verdict(config, anomalies));
    if (o.completed()) {
      out.add(
          o.live()
              ? Verdict.pass(
                  "liveness",
                  "every DAG run finished " + (long) o.msSinceHeal() + " ms after the heal")
              : Verdict.fail(
                  "liveness",
                  "some DAG run had not finished "
                      + o.spec().knobs().get("liveness-ms")
                      + " ms after the heal",
                  unfinished(runs)));
    }
    return out;
  }

  private static Verdict verdict(BatchConfig config, List<IntervalCheck.Anomaly> anomalies) {
    if (anomalies.isEmpty()) {
      return Verdict.pass(
          "interval-output",
          "each of "
              + config.intervals()
              + " intervals holds exactly one processed copy of its "
              + config.rowsPerInterval()
              + " input rows");
    }
    TreeSet<String> kinds = new TreeSet<>();
    TreeSet<Integer> intervals = new TreeSet<>();
    List<String> details = new ArrayList<>();
    for (IntervalCheck.Anomaly a : anomalies) {
      kinds.add(a.kind());
      intervals.add(a.interval());
      details.add(a.kind() + ": " + a.detail());
    }
    StringBuilder summary = new StringBuilder();
    for (String kind : kinds) {
      long n = anomalies.stream().filter(a -> a.kind().equals(kind)).count();
      summary.append(summary.length() == 0 ? "" : ", ").append(n).append(' ').append(kind);
    }
    summary.append(" row(s) in interval(s) ").append(intervals);
    return Verdict.fail("interval-output", summary.toString(), details).withAnomalies(kinds);
  }

  private static void measure(
      List<DagRun> runs, List<IntervalCheck.Anomaly> anomalies, SortedMap<String, Double> m) {
    for (String kind : IntervalCheck.KINDS) {
      m.put(
          "anomaly." + kind,
          (double) anomalies.stream().filter(a -> a.kind().equals(kind)).count());
    }
    m.put("runs", (double) runs.size());
    m.put(
        "runs.backfill",
        (double) runs.stream().filter(r -> r.kind() == DagRun.Kind.BACKFILL).count());
    m.put(
        "runs.failed",
        (double) runs.stream().filter(r -> r.state() == DagRun.State.FAILED).count());
    m.put("attempts", (double) runs.stream().mapToInt(DagRun::attempt).sum());
  }

  private static List<String> unfinished(List<DagRun> runs) {
    List<String> out = new ArrayList<>();
    for (DagRun r : runs) {
      if (!r.finished()) {
        out.add("interval " + r.interval() + ": " + r.describe());
      }
    }
    if (out.isEmpty()) {
      out.add("the scheduler had not yet created every interval's run");
    }
    return out;
  }
}
