package dev.faultline.sim.fault;

import java.util.List;
import java.util.Locale;

/**
 * One fault, as data: what happens, to whom. Each prints as one line that {@link FaultSchedule}
 * parses back to an equal value. Faults name nodes by name, so a schedule means the same in every
 * simulation that has those nodes.
 *
 * <p>Applying a fault that does not fit the moment (restarting a node that is up, resuming one that
 * is not paused) is a no-op, so that any sub-list of a schedule, as shrinking makes, stays valid.
 */
public sealed interface Fault {
  /**
   * The largest delay or clock offset a fault may name: one hour, as the knobs that draw them
   * allow. Far larger values only overflow time arithmetic or stall a run.
   */
  long MAX_DELAY_MICROS = 3_600_000_000L;

  /** The largest clock drift, either way: a clock may run up to twice as fast, or nearly stop. */
  long MAX_DRIFT_PPM = 999_999;

  /** The fault's text after the time, e.g. {@code crash n2}. */
  String print();

  /** The nodes this fault names, so a simulation can check them before it runs. */
  default java.util.List<String> nodes() {
    if (this instanceof Crash c) {
      return java.util.List.of(c.node());
    } else if (this instanceof Restart r) {
      return java.util.List.of(r.node());
    } else if (this instanceof Pause p) {
      return java.util.List.of(p.node());
    } else if (this instanceof Resume r) {
      return java.util.List.of(r.node());
    } else if (this instanceof Skew k) {
      return java.util.List.of(k.node());
    } else if (this instanceof Clog c) {
      return java.util.List.of(c.from(), c.to());
    } else if (this instanceof Partition p) {
      return p.groups().stream().flatMap(java.util.List::stream).toList();
    }
    return java.util.List.of();
  }

  /** The node stops: its timers die, its unsynced writes are lost, messages to it are dropped. */
  record Crash(String node) implements Fault {
    public Crash {
      requireNodeName(node);
    }

    @Override
    public String print() {
      return "crash " + node;
    }
  }

  /** A crashed node comes back as a fresh object that recovers from its disk. */
  record Restart(String node) implements Fault {
    public Restart {
      requireNodeName(node);
    }

    @Override
    public String print() {
      return "restart " + node;
    }
  }

  /** The node freezes: its timers and inbox wait until it resumes (a GC pause, a zombie). */
  record Pause(String node) implements Fault {
    public Pause {
      requireNodeName(node);
    }

    @Override
    public String print() {
      return "pause " + node;
    }
  }

  /** A paused node resumes: everything that waited fires now, in order. */
  record Resume(String node) implements Fault {
    public Resume {
      requireNodeName(node);
    }

    @Override
    public String print() {
      return "resume " + node;
    }
  }

  /**
   * From now on the node's clock reads real time plus {@code offsetMicros}, and runs fast (or slow)
   * by {@code driftPpm} parts per million. Zero and zero restores a true clock.
   */
  record Skew(String node, long offsetMicros, long driftPpm) implements Fault {
    public Skew {
      requireNodeName(node);
      if (Math.abs(offsetMicros) > MAX_DELAY_MICROS) {
        throw new IllegalArgumentException(
            "a clock offset must be within ±" + MAX_DELAY_MICROS + "us (one hour)");
      }
      if (Math.abs(driftPpm) > MAX_DRIFT_PPM) {
        throw new IllegalArgumentException(
            "a clock drift must be within ±" + MAX_DRIFT_PPM + "ppm");
      }
    }

    @Override
    public String print() {
      return String.format(Locale.ROOT, "skew %s %+dus %+dppm", node, offsetMicros, driftPpm);
    }
  }

  /**
   * A network partition of the given shape over the given groups of nodes. Its blocked links add to
   * those already in force (cuts compose); only {@link Heal} clears them. See {@link
   * PartitionShape} for what the groups mean.
   */
  record Partition(PartitionShape shape, List<List<String>> groups) implements Fault {
    public Partition {
      groups = groups.stream().map(List::copyOf).toList();
      shape.validate(groups);
    }

    @Override
    public String print() {
      return "partition " + shape.label() + " " + shape.printGroups(groups);
    }
  }

  /** Every link works again. */
  record Heal() implements Fault {
    @Override
    public String print() {
      return "heal";
    }
  }

  /** From now on every message is dropped with probability {@code rate} (0 turns it off). */
  record Loss(double rate) implements Fault {
    public Loss {
      requireProbability(rate);
    }

    @Override
    public String print() {
      return "loss " + rate;
    }
  }

  /** From now on every message is delivered twice with probability {@code rate}. */
  record Duplicate(double rate) implements Fault {
    public Duplicate {
      requireProbability(rate);
    }

    @Override
    public String print() {
      return "duplicate " + rate;
    }
  }

  /** From now on every message gets an extra uniform delay in [0, maxMicros]: links reorder. */
  record Jitter(long maxMicros) implements Fault {
    public Jitter {
      requireDelay(maxMicros, "jitter");
    }

    @Override
    public String print() {
      return "jitter " + maxMicros + "us";
    }
  }

  /** Messages from {@code from} to {@code to} take {@code extraMicros} longer (a clogged link). */
  record Clog(String from, String to, long extraMicros) implements Fault {
    public Clog {
      requireNodeName(from);
      requireNodeName(to);
      requireDelay(extraMicros, "a clog's delay");
    }

    @Override
    public String print() {
      return "clog " + from + "->" + to + " " + extraMicros + "us";
    }
  }

  /** Every clogged link flows freely again. */
  record Unclog() implements Fault {
    @Override
    public String print() {
      return "unclog";
    }
  }

  private static void requireDelay(long micros, String what) {
    if (micros < 0 || micros > MAX_DELAY_MICROS) {
      throw new IllegalArgumentException(
          what + " must be from 0 to " + MAX_DELAY_MICROS + "us (one hour), not " + micros + "us");
    }
  }

  /** A node name is one word a schedule line can carry and parse back. */
  static void requireNodeName(String node) {
    if (node == null
        || node.isEmpty()
        || node.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',' || c == '|')
        || node.contains("->")) {
      throw new IllegalArgumentException(
          "'" + node + "' is not a node name (one word without commas, '|' or '->')");
    }
  }

  private static void requireProbability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("a rate must be between 0 and 1, not " + p);
    }
  }
}
