package dev.faultline.scenarios.property;

import dev.faultline.scenarios.KnobException;
import dev.faultline.scenarios.Knobs;
import dev.faultline.scenarios.RunSpec;
import dev.faultline.scenarios.Scenario;
import dev.faultline.scenarios.ScenarioRegistry;
import dev.faultline.scenarios.ScenarioResult;
import dev.faultline.scenarios.ScenarioRunner;
import dev.faultline.scenarios.Verdict;
import dev.faultline.sim.RandomStream;
import dev.faultline.sim.fault.InvalidScheduleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A property of a scenario, checked over generated inputs: for {@code tries} seeds, with knobs
 * fixed or drawn from generators and faults drawn by the scenario's fault generator, the property
 * must hold. At the first failure it shrinks the case, saves it as a file a regression test
 * replays, and reports both the original and the shrunk case as commands.
 *
 * <pre>{@code
 * @Test
 * void raftKvIsLinearizableUnderFaults() {
 *   Property.of("raft-kv").tries(200).set("faults", "all").assertHolds();
 * }
 * }</pre>
 *
 * <p>By default the property is "no check fails". Inputs are reproducible: try {@code i} runs seed
 * {@code firstSeed + i}, and generated knobs come from that seed's {@code property/knobs} stream.
 */
public final class Property {
  private static final List<String> DEFAULT_SHRINKABLE =
      List.of(
          "nodes",
          "voters",
          "brokers",
          "clients",
          "keys",
          "producers",
          "partitions",
          "duration-ms",
          "ops-per-client");

  private final Scenario scenario;
  private final SortedMap<String, String> fixed = new TreeMap<>();
  private final SortedMap<String, Gen<String>> generated = new TreeMap<>();
  private int tries = 100;
  private long firstSeed = 1;
  private String description = "no check fails";
  private Predicate<ScenarioResult> holds = r -> r.status() != Verdict.Status.FAIL;
  private boolean customPredicate;
  private List<String> shrinkable = DEFAULT_SHRINKABLE;
  private int maxShrinkRuns = 300;
  private Path saveDir = Path.of("src", "test", "resources", "regressions");

  private Property(Scenario scenario) {
    this.scenario = scenario;
  }

  /** A property of the scenario called {@code name}. */
  public static Property of(String name) {
    return new Property(
        ScenarioRegistry.find(name)
            .orElseThrow(() -> new IllegalArgumentException("no scenario called " + name)));
  }

  public Property tries(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("tries must be at least 1");
    }
    tries = n;
    return this;
  }

  /** Try i runs seed {@code first + i}. */
  public Property firstSeed(long first) {
    firstSeed = first;
    return this;
  }

  /** Fixes a knob for every try. */
  public Property set(String knob, String value) {
    fixed.put(knob, value);
    return this;
  }

  /** Draws a knob's value for each try. */
  public Property vary(String knob, Gen<String> values) {
    generated.put(knob, values);
    return this;
  }

  /** What must hold of every run, in words and as a predicate. */
  public Property holds(String words, Predicate<ScenarioResult> predicate) {
    description = words;
    holds = predicate;
    customPredicate = true;
    return this;
  }

  /** The integer knobs shrinking may lower (default: nodes, clients, keys, durations, ...). */
  public Property shrinking(List<String> knobs) {
    shrinkable = List.copyOf(knobs);
    return this;
  }

  public Property maxShrinkRuns(int n) {
    maxShrinkRuns = n;
    return this;
  }

  /**
   * Where shrunk cases are saved (default {@code src/test/resources/regressions}); null: not saved.
   */
  public Property saveTo(Path dir) {
    saveDir = dir;
    return this;
  }

  /** Checks the property; throws AssertionError with the report when it does not hold. */
  public void assertHolds() {
    PropertyResult r = check();
    if (!r.held()) {
      throw new AssertionError(r.report());
    }
  }

  /** Checks the property and returns what it found. */
  public PropertyResult check() {
    for (int i = 0; i < tries; i++) {
      long seed = firstSeed + i;
      SortedMap<String, String> knobs = knobsFor(seed);
      ScenarioResult r =
          ScenarioRunner.run(scenario, RunSpec.of(seed, Knobs.resolve(scenario, knobs)));
      if (!holds.test(r)) {
        return shrinkAndSave(
            i + 1, new Case(scenario.name(), seed, knobs, r.schedule(), Verdict.Status.FAIL), r);
      }
    }
    return new PropertyResult(description, tries, null, null, null, null, 0, null);
  }

  private SortedMap<String, String> knobsFor(long seed) {
    SortedMap<String, String> knobs = new TreeMap<>(fixed);
    RandomStream r = RandomStream.of(seed, "property/knobs");
    for (Map.Entry<String, Gen<String>> e : generated.entrySet()) {
      knobs.put(e.getKey(), e.getValue().draw(r));
    }
    return knobs;
  }

  /**
   * Shrinks one seed with this property's fixed knobs, as {@code faultline shrink} does: when the
   * seed's run does not hold, the result carries the original and the shrunk case (and where it was
   * saved); when it holds, a result that {@link PropertyResult#held}.
   */
  public PropertyResult shrinkSeed(long seed) {
    SortedMap<String, String> knobs = knobsFor(seed);
    ScenarioResult r =
        ScenarioRunner.run(scenario, RunSpec.of(seed, Knobs.resolve(scenario, knobs)));
    if (holds.test(r)) {
      return new PropertyResult(description, 1, null, null, null, null, 0, null);
    }
    return shrinkAndSave(
        1, new Case(scenario.name(), seed, knobs, r.schedule(), Verdict.Status.FAIL), r);
  }

  private PropertyResult shrinkAndSave(int triesRun, Case original, ScenarioResult failure) {
    Signature signature = Signature.of(failure);
    SortedMap<String, String> derived = scenario.knobsInEffect(failure.knobs());
    Predicate<Case> stillFails = c -> failsLikeOriginal(c, signature, derived);
    Shrinker shrinker = new Shrinker(scenario, stillFails, shrinkable, maxShrinkRuns);
    Case shrunk = stillFails.test(original) ? shrinker.shrink(original) : original;
    ScenarioResult shrunkRun = ScenarioRunner.run(scenario, shrunk.spec(scenario));
    Path saved = save(original, shrunk, shrunkRun);
    return new PropertyResult(
        description,
        triesRun,
        original,
        why(failure),
        shrunk,
        why(shrunkRun),
        shrinker.runs(),
        saved);
  }

  /**
   * Whether a candidate still fails as the original did. A candidate whose knobs conflict (refused
   * as the command line refuses them) or whose derived knobs differ from the original's (Kafka's
   * idempotence switched off by a lowered retries) is not a smaller form of the same failure.
   */
  private boolean failsLikeOriginal(
      Case c, Signature signature, SortedMap<String, String> derived) {
    ScenarioResult r;
    try {
      RunSpec spec = c.spec(scenario);
      if (!scenario.knobsInEffect(spec.knobs()).equals(derived)) {
        return false;
      }
      r = ScenarioRunner.run(scenario, spec);
    } catch (InvalidScheduleException | KnobException e) {
      return false;
    }
    if (holds.test(r)) {
      return false;
    }
    // A default property shrinks towards the same failure: the same check, the same anomalies.
    return customPredicate || (signature != null && signature.matches(r));
  }

  private Path save(Case original, Case shrunk, ScenarioResult shrunkRun) {
    if (saveDir == null) {
      return null;
    }
    String body = CaseFile.print(shrunk, "");
    Path file =
        saveDir.resolve(
            String.format(
                Locale.ROOT,
                "%s-seed%d-%08x.case",
                shrunk.scenario(),
                shrunk.seed(),
                body.hashCode()));
    String comment =
        "Shrunk by the property harness: "
            + description
            + "\n"
            + "original: "
            + original.runCommand()
            + " ("
            + original.schedule().size()
            + " faults)\n"
            + "fails: "
            + why(shrunkRun)
            + "\n"
            + "replay: ./faultline replay "
            + PropertyResult.fromProjectRoot(file);
    try {
      CaseFile.write(file, shrunk, comment);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the shrunk case to " + file, e);
    }
    return file;
  }

  private static String why(ScenarioResult r) {
    for (Verdict v : r.verdicts()) {
      if (v.status() != Verdict.Status.PASS) {
        return v.check() + ": " + v.summary();
      }
    }
    return "the property's predicate did not hold";
  }
}
