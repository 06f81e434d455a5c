package dev.faultline.scenarios.cli;

import dev.faultline.reports.SweepReportInput;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.compare.ComparisonRow;
import dev.faultline.scenarios.compare.ComparisonTable;
import dev.faultline.scenarios.compare.Configuration;
import dev.faultline.scenarios.compare.MetricDistribution;
import dev.faultline.scenarios.compare.PairedDifference;
import dev.faultline.scenarios.sweep.ClientMetrics;
import dev.faultline.scenarios.sweep.SeedOutcome;
import dev.faultline.scenarios.sweep.Shard;
import dev.faultline.scenarios.sweep.SweepRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code faultline compare SCENARIO --seeds A..B --vary KNOB=V1,V2}: the teaching view. Runs the
 * same seeds — so the same fault schedules — under each configuration and prints anomaly counts and
 * rates with confidence intervals, availability and latency side by side.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Run the same seeds under several configurations and compare them side by side.",
      "Example: faultline compare kafka-produce --seeds 1..100 --vary acks=0,1,all"
    })
public final class CompareCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ScenarioOptions options;

  @Mixin SeedOptions seedOptions;

  @Option(
      names = "--vary",
      required = true,
      paramLabel = "KNOB=V1,V2,...",
      description = "A knob and the values to compare (repeatable: every combination runs).")
  List<String> vary;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Write an HTML comparison report (and failing seeds' reports) into DIR.")
  Path reportDir;

  @Override
  public Integer call() throws InterruptedException {
    Scenario scenario = options.scenario();
    SeedRange range = seedOptions.range();
    int workers = seedOptions.workers;
    Map<String, List<String>> varied = parseVary();
    List<Configuration> configs = new ArrayList<>();
    for (Map<String, String> combo : Configuration.product(varied)) {
      Map<String, String> all = new LinkedHashMap<>(options.knobs());
      all.putAll(combo);
      Knobs knobs = ScenarioOptions.resolve(scenario, all);
      configs.add(new Configuration(new TreeMap<>(combo), new ArrayList<>(combo.keySet()), knobs));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "compare: "
            + scenario.name()
            + " seeds "
            + range
            + " under "
            + configs.size()
            + " configurations (the same seeds, so the same fault schedules, for each)");
    out.flush();
    Map<Long, String> firstSchedules = new ConcurrentHashMap<>();
    List<Long> scheduleMismatches = new ArrayList<>();
    List<ComparisonRow> rows = new ArrayList<>();
    List<SortedMap<Long, SeedOutcome>> outcomesByConfig = new ArrayList<>();
    List<Map<Long, String>> schedulesByConfig = new ArrayList<>();
    List<SweepReportInput.Config> reportRows = new ArrayList<>();
    List<Long> seedList =
        SweepRunner.seedsToRun(range.first(), range.last(), Shard.WHOLE, java.util.Set.of());
    for (Configuration c : configs) {
      Histogram latency = new SynchronizedHistogram(3);
      Map<Long, String> schedules = new ConcurrentHashMap<>();
      SweepRunner runner =
          new SweepRunner(
              scenario,
              c.knobs(),
              workers,
              r -> {
                ClientMetrics.recordLatencies(r.history(), latency);
                schedules.put(r.seed(), r.schedule().print());
              });
      out.println("  running " + c.label());
      out.flush();
      SortedMap<Long, SeedOutcome> outcomes =
          runner.run(seedList, null, spec.commandLine().getErr(), System.console() != null);
      for (Map.Entry<Long, String> e : new TreeMap<>(schedules).entrySet()) {
        String before = firstSchedules.putIfAbsent(e.getKey(), e.getValue());
        if (before != null
            && !before.equals(e.getValue())
            && !scheduleMismatches.contains(e.getKey())) {
          scheduleMismatches.add(e.getKey());
        }
      }
      rows.add(ComparisonRow.of(c.label(), outcomes, latency));
      outcomesByConfig.add(outcomes);
      schedulesByConfig.add(new TreeMap<>(schedules));
      if (reportDir != null) {
        String sub = "config-" + (reportRows.size() + 1);
        reportRows.add(
            ReportWriting.row(
                reportDir, sub, scenario, c.knobs(), c.label(), outcomes, latency, out));
      }
    }
    out.println();
    ComparisonTable.print(out, rows);
    List<PairedDifference> paired = new ArrayList<>();
    for (int i = 1; i < configs.size(); i++) {
      paired.add(
          PairedDifference.of(
              configs.get(i).label(),
              configs.get(0).label(),
              outcomesByConfig.get(0),
              schedulesByConfig.get(0),
              outcomesByConfig.get(i),
              schedulesByConfig.get(i)));
    }
    ComparisonTable.printPaired(out, paired);
    List<MetricDistribution> distributions = new ArrayList<>();
    for (String m : scenario.distributionMetrics()) {
      for (int i = 0; i < configs.size(); i++) {
        distributions.add(
            MetricDistribution.of(m, configs.get(i).label(), outcomesByConfig.get(i).values()));
      }
    }
    MetricDistribution.print(out, distributions);
    if (scheduleMismatches.isEmpty()) {
      out.println("fault schedules: identical across configurations for every seed.");
    } else {
      out.println(
          "fault schedules: differ across configurations for "
              + scheduleMismatches.size()
              + " seed(s), because a varied knob changes what faults are drawn (e.g. the node count).");
    }
    if (reportDir != null) {
      Path index =
          ReportWriting.index(
              reportDir,
              scenario.name() + ": compare, seeds " + range,
              dev.faultline.scenarios.Launcher.command()
                  + " compare "
                  + scenario.name()
                  + " --seeds "
                  + range
                  + " --vary "
                  + String.join(" --vary ", vary)
                  + options.setFlags(),
              reportRows,
              ReportWriting.paired(paired),
              ReportWriting.distributions(distributions));
      out.println("report: " + index);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private Map<String, List<String>> parseVary() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String v : vary) {
      int eq = v.indexOf('=');
      if (eq <= 0 || eq == v.length() - 1) {
        throw new UserError("--vary looks like acks=0,1,all, not '" + v + "'");
      }
      String knob = v.substring(0, eq).strip();
      if (out.containsKey(knob)) {
        throw new UserError("--vary names knob " + knob + " twice");
      }
      List<String> values = new ArrayList<>();
      for (String value : v.substring(eq + 1).split(",", -1)) {
        if (value.isBlank()) {
          throw new UserError("--vary " + v + " has an empty value");
        }
        values.add(value.strip());
      }
      out.put(knob, values);
    }
    return out;
  }
}
