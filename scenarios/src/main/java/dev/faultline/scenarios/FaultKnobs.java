package dev.faultline.scenarios;

import dev.faultline.sim.fault.FaultKind;
import dev.faultline.sim.fault.FaultRates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The fault knobs every scenario shares, and the schedule they make: which fault families, swarm
 * mode, how often and how long. A scenario adds {@link #knobs()} to its own; the shared generator
 * nemesis ({@code compose.GeneratedFaults}) draws its schedule from {@link #rates}.
 */
public final class FaultKnobs {
  /** The fault families by knob name, in declaration order. */
  public static final List<String> KINDS =
      Arrays.stream(FaultKind.values()).map(FaultKind::label).toList();

  private FaultKnobs() {}

  /**
   * The shared knobs, with {@code defaultKinds} (e.g. {@code all}) as the default family set: the
   * fault knobs, then {@link NetworkKnobs}' latency and disk knobs (which the runner applies).
   */
  public static List<Knob> knobs(String defaultKinds) {
    List<Knob> all = new ArrayList<>(faultKnobs(defaultKinds));
    all.addAll(NetworkKnobs.knobs());
    return List.copyOf(all);
  }

  private static List<Knob> faultKnobs(String defaultKinds) {
    return List.of(
        Knob.set(
            "faults",
            defaultKinds,
            KINDS,
            "fault families the generator draws episodes from; a partition adds to any cut in"
                + " force, and its heal clears every cut"),
        Knob.bool("swarm", false, "each seed switches every fault family on or off at random"),
        Knob.integer("fault-gap-ms", 2000, 1, 3_600_000, "mean time between fault episodes"),
        Knob.integer("fault-duration-ms", 1000, 1, 3_600_000, "mean length of a fault episode"),
        Knob.integer(
            "max-down",
            1,
            0,
            100,
            "most servers crashed or paused at once, counted across every nemesis; a crash or"
                + " pause past it is not applied"),
        Knob.decimal("loss-rate", 0.1, 0, 1, "message loss rate during a loss episode"),
        Knob.decimal("duplicate-rate", 0.1, 0, 1, "duplication rate during a duplicate episode"),
        Knob.integer("max-skew-ms", 200, 0, 3_600_000, "largest clock offset a skew draws"));
  }

  /** The fault rates the knobs describe. */
  public static FaultRates rates(Knobs k) {
    EnumSet<FaultKind> kinds =
        k.getSet(
            "faults", FaultKind.class, KINDS, s -> FaultKind.valueOf(s.toUpperCase(Locale.ROOT)));
    FaultRates d = FaultRates.defaults();
    return new FaultRates(
        kinds,
        k.getBool("swarm"),
        k.getLong("fault-gap-ms") * 1000,
        k.getLong("fault-duration-ms") * 1000,
        k.getInt("max-down"),
        k.getLong("max-skew-ms") * 1000,
        d.maxDriftPpm(),
        k.getDouble("loss-rate"),
        k.getDouble("duplicate-rate"),
        d.jitterMicros(),
        d.clogMicros());
  }
}
