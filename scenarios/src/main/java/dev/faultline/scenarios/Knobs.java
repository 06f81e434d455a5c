package dev.faultline.scenarios;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A scenario's knobs with their values: the defaults, overridden by what the user set. Sorted by
 * name, so they print and hash the same way every time.
 */
public final class Knobs {
  private final SortedMap<String, String> values;
  private final SortedMap<String, String> changed;
  private final SortedSet<String> given;

  private Knobs(
      SortedMap<String, String> values,
      SortedMap<String, String> changed,
      SortedSet<String> given) {
    this.values = Collections.unmodifiableSortedMap(values);
    this.changed = Collections.unmodifiableSortedMap(changed);
    this.given = Collections.unmodifiableSortedSet(given);
  }

  /**
   * The knobs of {@code scenario} with {@code overrides} applied. Throws {@link KnobException}
   * naming the knob for an unknown knob, a bad value, or knobs the scenario finds in conflict
   * ({@link Scenario#checkKnobs}).
   */
  public static Knobs resolve(Scenario scenario, Map<String, String> overrides) {
    SortedMap<String, String> values = new TreeMap<>();
    SortedMap<String, Knob> byName = new TreeMap<>();
    for (Knob k : scenario.knobs()) {
      values.put(k.name(), k.defaultValue());
      byName.put(k.name(), k);
    }
    SortedMap<String, String> changed = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
      Knob k = byName.get(e.getKey());
      if (k == null) {
        throw new KnobException(
            "unknown knob '"
                + e.getKey()
                + "' for scenario "
                + scenario.name()
                + " (known: "
                + String.join(", ", byName.keySet())
                + ")");
      }
      String problem = k.problemWith(e.getValue());
      if (problem != null) {
        throw new KnobException(
            "bad value '" + e.getValue() + "' for knob " + k.name() + ": " + problem);
      }
      values.put(k.name(), e.getValue().strip());
      if (!e.getValue().strip().equals(k.defaultValue())) {
        changed.put(k.name(), e.getValue().strip());
      }
    }
    Knobs knobs = new Knobs(values, changed, new TreeSet<>(overrides.keySet()));
    scenario.checkKnobs(knobs);
    return knobs;
  }

  /**
   * Whether the user gave this knob, even at its default value: Kafka, for one, tells a setting
   * made explicitly from its default ({@code enable.idempotence}).
   */
  public boolean isGiven(String name) {
    return given.contains(name);
  }

  public String get(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no knob called " + name);
    }
    return v;
  }

  public int getInt(String name) {
    return Math.toIntExact(Long.parseLong(get(name)));
  }

  public long getLong(String name) {
    return Long.parseLong(get(name));
  }

  public double getDouble(String name) {
    return Double.parseDouble(get(name));
  }

  /**
   * A {@link Knob.Type#RANGE} knob's bounds: {@code {a, b}} for {@code a..b}, {@code {a}} for a
   * single value.
   */
  public long[] getRange(String name) {
    String[] parts = get(name).split("\\.\\.", -1);
    return parts.length == 1
        ? new long[] {Long.parseLong(parts[0].strip())}
        : new long[] {Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip())};
  }

  public boolean getBool(String name) {
    return Boolean.parseBoolean(get(name).toLowerCase(Locale.ROOT));
  }

  /** The elements of a set knob, mapped through {@code parse}; {@code all} gives every choice. */
  public <E extends Enum<E>> EnumSet<E> getSet(
      String name, Class<E> type, List<String> choices, Function<String, E> parse) {
    String v = get(name);
    EnumSet<E> out = EnumSet.noneOf(type);
    if (v.equals("none")) {
      return out;
    }
    List<String> parts = v.equals("all") ? choices : new ArrayList<>(List.of(v.split(",")));
    for (String p : parts) {
      out.add(parse.apply(p.strip()));
    }
    return out;
  }

  /** Every knob and its value. */
  public SortedMap<String, String> values() {
    return values;
  }

  /** Only the knobs whose value differs from the default: what a replay command must set. */
  public SortedMap<String, String> changed() {
    return changed;
  }

  /** {@code --set k=v} for every changed knob, for replay commands. */
  public String asSetFlags() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : changed.entrySet()) {
      sb.append(" --set ").append(Launcher.quote(e.getKey() + "=" + e.getValue()));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
