package dev.faultline.checker.gen;

/**
 * What {@link WideHistories#mixed} generates: one register used by many processes at once, as a
 * Jepsen test of a cas-register records it.
 *
 * @param processes how many client processes run at once (a crashed one is replaced by a fresh
 *     process id, so the history names more)
 * @param entries how many history entries to write (invokes and completions); an odd count is
 *     rounded down, since every operation gets both
 * @param readPercent the share of reads among operations, in percent
 * @param writePercent the share of writes; compare-and-sets make up the rest
 * @param values the value domain: writes and cas use 0..values-1 (ignored when {@code unique})
 * @param crashPercent the share of writes and cas that crash: they end {@code :info} and may take
 *     effect inside their interval, after it, or never
 * @param unique whether every write and cas writes a value never written before
 * @param violation whether to plant a stale read in the middle of the history, which no order
 *     explains
 * @param latencyMicros the mean time from an operation's invoke to its completion (exponential)
 * @param thinkMicros the mean time a process waits between operations (exponential); with latency
 *     it sets how many operations are in flight at once: about processes * latency / (latency +
 *     think)
 * @param seed the seed; the same spec always gives the same history
 * @param lateMicros the mean time (exponential) after a crash at which a crashed operation that
 *     takes effect late does so; 0 for the default, latency plus think time. Large values (seconds,
 *     against a latency of milliseconds) give crashed writes that land long after their process is
 *     gone, which histories recorded elsewhere have and which keep a register's search busiest
 */
public record WideHistorySpec(
    int processes,
    int entries,
    int readPercent,
    int writePercent,
    int values,
    int crashPercent,
    boolean unique,
    boolean violation,
    long latencyMicros,
    long thinkMicros,
    long seed,
    long lateMicros) {
  public WideHistorySpec {
    require(processes >= 1 && processes <= 100_000, "processes must be between 1 and 100000");
    require(entries >= 2 && entries <= 100_000_000, "entries must be between 2 and 100000000");
    require(readPercent >= 0 && writePercent >= 0, "percentages must not be negative");
    require(readPercent + writePercent <= 100, "reads and writes must add up to at most 100%");
    require(values >= 1 && values <= 1_000_000, "values must be between 1 and 1000000");
    require(crashPercent >= 0 && crashPercent <= 100, "the crash rate must be 0-100%");
    require(!violation || entries >= 12, "a planted violation needs at least 12 entries");
    require(latencyMicros >= 1 && latencyMicros <= 1_000_000_000, "latency must be 1us-1000s");
    require(thinkMicros >= 0 && thinkMicros <= 1_000_000_000, "think time must be 0-1000s");
    require(lateMicros >= 0 && lateMicros <= 1_000_000_000_000L, "late effects must be 0-10^6 s");
  }

  /** A spec with late effects at the default delay. */
  public WideHistorySpec(
      int processes,
      int entries,
      int readPercent,
      int writePercent,
      int values,
      int crashPercent,
      boolean unique,
      boolean violation,
      long latencyMicros,
      long thinkMicros,
      long seed) {
    this(
        processes,
        entries,
        readPercent,
        writePercent,
        values,
        crashPercent,
        unique,
        violation,
        latencyMicros,
        thinkMicros,
        seed,
        0);
  }

  /**
   * The wide rows of the benchmark: 60 processes, 40% reads, 35% writes, 25% cas over values 0-9,
   * 10% of writes and cas crashing; latency 1 ms, think time 10 ms.
   */
  public static WideHistorySpec wide(int entries, long seed) {
    return new WideHistorySpec(60, entries, 40, 35, 10, 10, false, false, 1000, 10_000, seed);
  }

  public WideHistorySpec withViolation(boolean v) {
    return new WideHistorySpec(
        processes,
        entries,
        readPercent,
        writePercent,
        values,
        crashPercent,
        unique,
        v,
        latencyMicros,
        thinkMicros,
        seed,
        lateMicros);
  }

  public WideHistorySpec withUnique(boolean u) {
    return new WideHistorySpec(
        processes,
        entries,
        readPercent,
        writePercent,
        values,
        crashPercent,
        u,
        violation,
        latencyMicros,
        thinkMicros,
        seed,
        lateMicros);
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(what + ".");
    }
  }
}
