package dev.faultline.scenarios.cli;

import dev.faultline.scenarios.sweep.Shard;

/**
 * A range of seeds written {@code A..B} (both inclusive) or a single seed {@code A}. Seeds are
 * never negative, in every command: a run, a tour, a sweep and a case file share one rule.
 */
record SeedRange(long first, long last) {
  /**
   * The most seeds one sweep or comparison runs. A sweep keeps every seed's outcome in memory for
   * its summary, so far larger ranges would end in an out-of-memory error after hours; they are
   * refused before anything runs, and --shard spreads them over machines instead.
   */
  static final long MAX_SEEDS = 1_000_000;

  static SeedRange parse(String text) {
    String t = text.strip();
    int dots = t.indexOf("..", 1);
    try {
      long a = Long.parseLong(dots < 0 ? t : t.substring(0, dots));
      long b = dots < 0 ? a : Long.parseLong(t.substring(dots + 2));
      if (a < 0 || b < 0) {
        throw new UserError("seeds must not be negative, but the range is '" + text + "'");
      }
      if (b < a) {
        throw new UserError(
            "the seed range '" + text + "' is empty: its first seed is above its last");
      }
      return new SeedRange(a, b);
    } catch (NumberFormatException e) {
      throw new UserError(
          "a seed range looks like 1..1000 (seeds from 0 to 9223372036854775807), not '"
              + text
              + "'");
    }
  }

  /** {@code seed}, or a UserError naming {@code option} when it is negative. */
  static long requireSeed(long seed, String option) {
    if (seed < 0) {
      throw new UserError(option + " must be a seed from 0 to 9223372036854775807, not " + seed);
    }
    return seed;
  }

  /** How many seeds of this range {@code shard} runs, or a UserError when that is absurd. */
  long countIn(Shard shard) {
    long span = last - first; // never overflows: both are non-negative
    long steps = span < shard.index() ? -1 : (span - shard.index()) / shard.count();
    long count = steps + 1; // steps is below MAX_SEEDS whenever this is used, so no overflow
    if (steps >= MAX_SEEDS) {
      String holds =
          shard.count() == 1
              ? "the seed range " + this + " holds " + Long.toUnsignedString(span + 1) + " seeds"
              : "shard "
                  + shard
                  + " of the seed range "
                  + this
                  + " holds "
                  + Long.toUnsignedString(count)
                  + " seeds";
      throw new UserError(
          holds
              + "; one sweep runs at most "
              + MAX_SEEDS
              + " (split the range, or spread it over machines with --shard I/N)");
    }
    return count;
  }

  @Override
  public String toString() {
    return first + ".." + last;
  }
}
