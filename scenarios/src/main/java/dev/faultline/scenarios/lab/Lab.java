package dev.faultline.scenarios.lab;

import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.compare.Configuration;
import dev.faultline.scenarios.sweep.SweepRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The notebook-friendly face of Faultline: run a seed, sweep seeds, compare configurations on the
 * same seeds, each returning a view with tables and charts. Knobs are given as {@code "name=value"}
 * strings, as on the command line.
 *
 * <pre>
 * var r = Lab.run("raft-kv", 1, "bug=stale-leader-read");
 * r.verdicts();                                    // a table of checks
 * var c = Lab.compare("kafka-produce", 1, 100, Map.of("acks", List.of("1", "all")),
 *     "fault=leader-crash");
 * c.table(); c.paired(); c.chart();
 * </pre>
 *
 * Sweeps and comparisons use every core (each simulation stays single-threaded), so their results
 * are the same whatever the machine.
 */
public final class Lab {
  private Lab() {}

  /** The scenario called {@code name}, or an exception naming the catalog. */
  public static Scenario scenario(String name) {
    return ScenarioRegistry.find(name)
        .orElseThrow(
            () ->
                new KnobException(
                    "no scenario "
                        + name
                        + "; the catalog has "
                        + ScenarioRegistry.all().stream().map(Scenario::name).toList()));
  }

  /** The knobs of {@code scenario} with {@code "name=value"} overrides. */
  public static Knobs knobs(Scenario scenario, String... settings) {
    Map<String, String> set = new LinkedHashMap<>();
    for (String s : settings) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new KnobException("a knob is set as name=value, not '" + s + "'");
      }
      set.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
    }
    return Knobs.resolve(scenario, set);
  }

  /** Runs one seed. */
  public static RunView run(String scenario, long seed, String... settings) {
    return run(scenario(scenario), seed, settings);
  }

  /** Runs one seed of a scenario of one's own (one written in a notebook, say). */
  public static RunView run(Scenario s, long seed, String... settings) {
    return new RunView(ScenarioRunner.run(s, RunSpec.of(seed, knobs(s, settings))));
  }

  /** Runs seeds {@code first..last}. */
  public static SweepView sweep(String scenario, long first, long last, String... settings) {
    return sweep(scenario(scenario), first, last, settings);
  }

  /** Runs seeds {@code first..last} of a scenario of one's own. */
  public static SweepView sweep(Scenario s, long first, long last, String... settings) {
    Knobs k = knobs(s, settings);
    return new SweepView(s.name(), label(settings), k, runSeeds(s, k, first, last));
  }

  /**
   * Runs seeds {@code first..last} under every combination of the {@code vary} values (knobs in
   * name order, each knob's values in the order given), the other knobs set by {@code settings}:
   * the same seeds, so the same fault schedules, in every configuration.
   */
  public static Comparison compare(
      String scenario, long first, long last, Map<String, List<String>> vary, String... settings) {
    return compare(scenario(scenario), first, last, vary, settings);
  }

  /** {@link #compare(String, long, long, Map, String...)} for a scenario of one's own. */
  public static Comparison compare(
      Scenario s, long first, long last, Map<String, List<String>> vary, String... settings) {
    List<SweepView> views = new ArrayList<>();
    // Knobs in name order: a Map.of's order differs from one JVM to the next.
    for (Map<String, String> combo : Configuration.product(new TreeMap<>(vary))) {
      List<String> all = new ArrayList<>(List.of(settings));
      combo.forEach((k, v) -> all.add(k + "=" + v));
      Knobs k = knobs(s, all.toArray(new String[0]));
      String label =
          new Configuration(new TreeMap<>(combo), new ArrayList<>(combo.keySet()), k).label();
      views.add(new SweepView(s.name(), label, k, runSeeds(s, k, first, last)));
    }
    return new Comparison(s.name(), views);
  }

  private static List<dev.faultline.scenarios.ScenarioResult> runSeeds(
      Scenario s, Knobs k, long first, long last) {
    if (last < first || last - first >= 1_000_000) {
      throw new KnobException("seeds " + first + ".." + last + " is not a range of 1 to 1000000");
    }
    List<dev.faultline.scenarios.ScenarioResult> results =
        java.util.Collections.synchronizedList(new ArrayList<>());
    List<Long> seeds = new ArrayList<>();
    for (long seed = first; seed <= last; seed++) {
      seeds.add(seed);
    }
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    try {
      new SweepRunner(s, k, workers, r -> results.add(r))
          .run(seeds, null, new PrintWriter(new StringWriter()), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    results.sort(java.util.Comparator.comparingLong(dev.faultline.scenarios.ScenarioResult::seed));
    return List.copyOf(results);
  }

  private static String label(String... settings) {
    return settings.length == 0 ? "defaults" : String.join(" ", settings);
  }
}
