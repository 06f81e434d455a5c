package dev.faultline.scenarios;

import java.util.List;
import java.util.Locale;

/**
 * A setting of a scenario that a user may change with {@code --set name=value}: its default, what
 * it means, and which values it takes. Names follow the system modelled where there is one (Kafka's
 * {@code acks}, {@code enable.idempotence}); durations end in their unit ({@code -ms}).
 *
 * @param name the name on the command line
 * @param defaultValue the value when none is given
 * @param description one line for {@code faultline list}
 * @param type how the value is read and checked
 * @param min smallest value for numbers (inclusive)
 * @param max largest value for numbers (inclusive)
 * @param choices the allowed values of a choice, or of each element of a set
 */
public record Knob(
    String name,
    String defaultValue,
    String description,
    Type type,
    double min,
    double max,
    List<String> choices) {

  /** How a knob's value is read. */
  public enum Type {
    INT,
    DOUBLE,
    BOOL,
    CHOICE,
    /** A comma-separated subset of {@code choices}, or {@code none}, or {@code all}. */
    SET,
    STRING,
    /** A latency distribution, e.g. {@code uniform:5..10ms} (see {@code LatencySpec}). */
    LATENCY,
    /** An integer range {@code A..B} (A at most B) or one integer, within [min, max]. */
    RANGE
  }

  public Knob {
    choices = List.copyOf(choices);
    String problem = problem(type, min, max, choices, defaultValue);
    if (problem != null) {
      throw new IllegalArgumentException("default of knob " + name + ": " + problem);
    }
  }

  public static Knob integer(String name, long def, long min, long max, String description) {
    return new Knob(name, Long.toString(def), description, Type.INT, min, max, List.of());
  }

  public static Knob decimal(String name, double def, double min, double max, String description) {
    return new Knob(name, Double.toString(def), description, Type.DOUBLE, min, max, List.of());
  }

  public static Knob bool(String name, boolean def, String description) {
    return new Knob(name, Boolean.toString(def), description, Type.BOOL, 0, 1, List.of());
  }

  public static Knob choice(String name, String def, List<String> choices, String description) {
    return new Knob(name, def, description, Type.CHOICE, 0, 0, choices);
  }

  public static Knob set(String name, String def, List<String> choices, String description) {
    return new Knob(name, def, description, Type.SET, 0, 0, choices);
  }

  public static Knob range(String name, String def, long min, long max, String description) {
    return new Knob(name, def, description, Type.RANGE, min, max, List.of());
  }

  public static Knob latency(String name, String def, String description) {
    return new Knob(name, def, description, Type.LATENCY, 0, 0, List.of());
  }

  public static Knob text(String name, String def, String description) {
    return new Knob(name, def, description, Type.STRING, 0, 0, List.of());
  }

  /** Null if {@code value} is valid for this knob, else why not (a sentence fragment). */
  public String problemWith(String value) {
    return problem(type, min, max, choices, value);
  }

  private static String problem(
      Type type, double min, double max, List<String> choices, String value) {
    if (value == null) {
      return "no value";
    }
    switch (type) {
      case INT -> {
        try {
          long v = Long.parseLong(value.strip());
          return v < min || v > max ? "expected an integer from " + range(type, min, max) : null;
        } catch (NumberFormatException e) {
          return "expected an integer from " + range(type, min, max);
        }
      }
      case DOUBLE -> {
        try {
          double v = Double.parseDouble(value.strip());
          return !(v >= min && v <= max) ? "expected a number from " + range(type, min, max) : null;
        } catch (NumberFormatException e) {
          return "expected a number from " + range(type, min, max);
        }
      }
      case BOOL -> {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("false") ? null : "expected true or false";
      }
      case CHOICE -> {
        return choices.contains(value.strip())
            ? null
            : "expected one of " + String.join(", ", choices);
      }
      case SET -> {
        String v = value.strip();
        if (v.equals("none") || v.equals("all")) {
          return null;
        }
        for (String part : v.split(",", -1)) {
          if (!choices.contains(part.strip())) {
            return "expected none, all, or a comma-separated list of " + String.join(", ", choices);
          }
        }
        return null;
      }
      case RANGE -> {
        String[] parts = value.strip().split("\\.\\.", -1);
        String expected =
            "expected an integer or a range A..B (A at most B) from " + range(Type.INT, min, max);
        if (parts.length > 2) {
          return expected;
        }
        try {
          long a = Long.parseLong(parts[0].strip());
          long b = parts.length == 2 ? Long.parseLong(parts[1].strip()) : a;
          return a < min || b > max || b < a ? expected : null;
        } catch (NumberFormatException e) {
          return expected;
        }
      }
      case LATENCY -> {
        try {
          dev.faultline.sim.net.LatencySpec.parse(value);
          return null;
        } catch (IllegalArgumentException e) {
          return e.getMessage();
        }
      }
      default -> {
        return null;
      }
    }
  }

  private static String range(Type type, double min, double max) {
    if (type == Type.INT) {
      return (long) min + " to " + (long) max;
    }
    return min + " to " + max;
  }
}
