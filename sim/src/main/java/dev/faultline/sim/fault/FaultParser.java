package dev.faultline.sim.fault;

/** Reads one printed fault line back into a {@link TimedFault}. */
final class FaultParser {
  private FaultParser() {}

  static TimedFault parseLine(String line) {
    String[] w = line.split("\\s+");
    if (w.length < 2) {
      throw new IllegalArgumentException("expected a time and a fault");
    }
    long at = parseTime(w[0]);
    Fault f = parseFault(w);
    int words = 2 + arguments(w[1]);
    if (w.length > words) {
      throw new IllegalArgumentException(
          "unexpected '"
              + w[words]
              + "' after the fault (a "
              + w[1]
              + " takes "
              + arguments(w[1])
              + " argument(s))");
    }
    return new TimedFault(at, f);
  }

  /** How many words follow each fault's name. */
  private static int arguments(String kind) {
    return switch (kind) {
      case "heal", "unclog" -> 0;
      case "skew" -> 3;
      case "partition", "clog" -> 2;
      default -> 1;
    };
  }

  private static Fault parseFault(String[] w) {
    String kind = w[1];
    return switch (kind) {
      case "crash" -> new Fault.Crash(arg(w, 2));
      case "restart" -> new Fault.Restart(arg(w, 2));
      case "pause" -> new Fault.Pause(arg(w, 2));
      case "resume" -> new Fault.Resume(arg(w, 2));
      case "skew" -> new Fault.Skew(arg(w, 2), parseMicros(arg(w, 3)), parsePpm(arg(w, 4)));
      case "partition" -> {
        PartitionShape shape = PartitionShape.fromLabel(arg(w, 2));
        yield new Fault.Partition(shape, PartitionShape.parseGroups(shape, arg(w, 3)));
      }
      case "heal" -> new Fault.Heal();
      case "loss" -> new Fault.Loss(parseDouble(arg(w, 2)));
      case "duplicate" -> new Fault.Duplicate(parseDouble(arg(w, 2)));
      case "jitter" -> new Fault.Jitter(parseMicros(arg(w, 2)));
      case "clog" -> {
        String[] link = arg(w, 2).split("->", -1);
        if (link.length != 2) {
          throw new IllegalArgumentException("a clog names a link as from->to");
        }
        yield new Fault.Clog(link[0], link[1], parseMicros(arg(w, 3)));
      }
      case "unclog" -> new Fault.Unclog();
      default -> throw new IllegalArgumentException("unknown fault '" + kind + "'");
    };
  }

  private static String arg(String[] w, int i) {
    if (i >= w.length) {
      throw new IllegalArgumentException("'" + w[1] + "' is missing an argument");
    }
    return w[i];
  }

  static long parseTime(String s) {
    if (!s.endsWith("s")) {
      throw new IllegalArgumentException("a time looks like 1.250000s, not '" + s + "'");
    }
    String body = s.substring(0, s.length() - 1);
    int dot = body.indexOf('.');
    try {
      long secs = Long.parseLong(dot < 0 ? body : body.substring(0, dot));
      long micros = 0;
      if (dot >= 0) {
        String frac = body.substring(dot + 1);
        if (frac.isEmpty() || frac.length() > 6 || !frac.chars().allMatch(Character::isDigit)) {
          throw new NumberFormatException();
        }
        micros = Long.parseLong((frac + "000000").substring(0, 6));
      }
      if (secs < 0) {
        throw new NumberFormatException();
      }
      return Math.addExact(Math.multiplyExact(secs, 1_000_000L), micros);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("a time looks like 1.250000s, not '" + s + "'");
    }
  }

  private static long parseMicros(String s) {
    if (!s.endsWith("us")) {
      throw new IllegalArgumentException("a duration looks like 1500us, not '" + s + "'");
    }
    try {
      return Long.parseLong(s.substring(0, s.length() - 2));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a duration looks like 1500us, not '" + s + "'");
    }
  }

  private static long parsePpm(String s) {
    if (!s.endsWith("ppm")) {
      throw new IllegalArgumentException("a drift looks like +200ppm, not '" + s + "'");
    }
    try {
      return Long.parseLong(s.substring(0, s.length() - 3));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a drift looks like +200ppm, not '" + s + "'");
    }
  }

  private static double parseDouble(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number, not '" + s + "'");
    }
  }
}
