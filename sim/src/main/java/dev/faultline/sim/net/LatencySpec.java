package dev.faultline.sim.net;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Reads and writes latency distributions as text, so that knobs and printed configurations can name
 * them: {@code fixed:5ms}, {@code uniform:5..10ms}, {@code exponential:5ms} (mean) or {@code
 * exponential:1ms+5ms} (a minimum plus an exponential tail of that mean), {@code lognormal:5ms:0.5}
 * (median and shape). Durations take {@code us}, {@code ms} or {@code s}; a range's first bound may
 * leave its unit to the second. Parse errors are one sentence naming the text.
 */
public final class LatencySpec {
  private LatencySpec() {}

  /** The distribution {@code text} names; throws IllegalArgumentException saying what is wrong. */
  public static LatencyModel parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    int colon = t.indexOf(':');
    if (colon <= 0) {
      throw bad(text, "expected KIND:VALUE, e.g. fixed:5ms or uniform:5..10ms");
    }
    String kind = t.substring(0, colon);
    String arg = t.substring(colon + 1);
    try {
      return switch (kind) {
        case "fixed" -> new LatencyModel.Fixed(micros(arg, null));
        case "uniform" -> uniform(arg);
        case "exponential" -> exponential(arg);
        case "lognormal" -> lognormal(text, arg);
        default -> throw bad(text, "the kind must be fixed, uniform, exponential or lognormal");
      };
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("latency '")) {
        throw e;
      }
      throw bad(text, e.getMessage());
    }
  }

  /** The text {@link #parse} reads back to {@code model}. */
  public static String print(LatencyModel model) {
    if (model instanceof LatencyModel.Fixed f) {
      return "fixed:" + duration(f.micros());
    }
    if (model instanceof LatencyModel.Uniform u) {
      return "uniform:" + duration(u.minMicros()) + ".." + duration(u.maxMicros());
    }
    if (model instanceof LatencyModel.Exponential e) {
      return "exponential:"
          + (e.minMicros() == 0 ? "" : duration(e.minMicros()) + "+")
          + duration(e.meanExtraMicros());
    }
    LatencyModel.LogNormal l = (LatencyModel.LogNormal) model;
    return "lognormal:"
        + duration(l.medianMicros())
        + ":"
        + BigDecimal.valueOf(l.sigma()).stripTrailingZeros().toPlainString();
  }

  /** Microseconds as the shortest exact text: {@code 5ms}, {@code 1.5ms}, {@code 250us}. */
  public static String duration(long micros) {
    if (micros != 0 && micros % 1_000_000 == 0) {
      return micros / 1_000_000 + "s";
    }
    if (micros % 1000 == 0 || Math.abs(micros) >= 1000) {
      return BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString() + "ms";
    }
    return micros + "us";
  }

  private static LatencyModel uniform(String arg) {
    int dots = arg.indexOf("..");
    if (dots < 0) {
      throw new IllegalArgumentException("a uniform latency is MIN..MAX, e.g. uniform:5..10ms");
    }
    String hi = arg.substring(dots + 2);
    if (unitOf(hi) == null) {
      throw new IllegalArgumentException("the range needs a unit, e.g. uniform:5..10ms");
    }
    return new LatencyModel.Uniform(micros(arg.substring(0, dots), unitOf(hi)), micros(hi, null));
  }

  private static LatencyModel exponential(String arg) {
    int plus = arg.indexOf('+');
    if (plus < 0) {
      return new LatencyModel.Exponential(0, micros(arg, null));
    }
    String mean = arg.substring(plus + 1);
    return new LatencyModel.Exponential(
        micros(arg.substring(0, plus), unitOf(mean)), micros(mean, null));
  }

  private static LatencyModel lognormal(String text, String arg) {
    int colon = arg.lastIndexOf(':');
    if (colon < 0) {
      throw bad(text, "a log-normal latency is MEDIAN:SIGMA, e.g. lognormal:5ms:0.5");
    }
    double sigma;
    try {
      sigma = Double.parseDouble(arg.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw bad(text, "the shape after the median must be a number, e.g. lognormal:5ms:0.5");
    }
    return new LatencyModel.LogNormal(micros(arg.substring(0, colon), null), sigma);
  }

  private static String unitOf(String duration) {
    String d = duration.strip();
    for (String u : new String[] {"us", "ms", "s"}) {
      if (d.endsWith(u)) {
        return u;
      }
    }
    return null;
  }

  /** A duration in microseconds; {@code defaultUnit} applies when the text has none. */
  private static long micros(String text, String defaultUnit) {
    String d = text.strip();
    String unit = unitOf(d);
    String number = unit == null ? d : d.substring(0, d.length() - unit.length()).strip();
    if (unit == null) {
      unit = defaultUnit;
    }
    if (unit == null) {
      throw new IllegalArgumentException("'" + text + "' needs a unit: us, ms or s");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration like 5ms");
    }
    BigDecimal scale =
        BigDecimal.valueOf(
            switch (unit) {
              case "us" -> 1;
              case "ms" -> 1000;
              default -> 1_000_000;
            });
    BigDecimal us = value.multiply(scale);
    if (us.signum() < 0) {
      throw new IllegalArgumentException("'" + text + "' is negative");
    }
    if (us.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("'" + text + "' is finer than a microsecond");
    }
    if (us.compareTo(BigDecimal.valueOf(3_600_000_000L)) > 0) {
      throw new IllegalArgumentException("'" + text + "' is longer than an hour");
    }
    return us.longValueExact();
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException("latency '" + text + "': " + why);
  }
}
