package dev.faultline.scenarios.cli;

import java.lang.management.ManagementFactory;

/**
 * When the command started, as the user's stopwatch sees it: {@code check --time-limit} counts its
 * budget from here, so that JVM start-up, argument parsing and reading are inside the limit.
 *
 * <p>Only the command a process runs from {@code main} counts from the process's start. The
 * launcher script passes the moment it started ({@code -Dfaultline.started}, bash's {@code
 * $EPOCHREALTIME}, seconds with microseconds); without it (bash before 5, or {@code java -jar} run
 * directly), the JVM's own start time is used. The earlier of the two counts: the launcher's check
 * for a stale jar is part of the command too.
 */
final class CommandClock {
  /** The system property the launcher sets. */
  static final String PROPERTY = "faultline.started";

  /** A launcher time more than this before the JVM started is not the launcher's: ignored. */
  private static final long PLAUSIBLE_MILLIS = 60_000;

  /**
   * When the process's command started, on {@link System#nanoTime()}'s scale, once {@link
   * Faultline#main} has set it; 0 before. Set once per JVM: {@code main} runs one command. Commands
   * run through {@link Faultline#execute} alone (tests) start when they are called.
   */
  private static volatile long processStartNanos;

  private CommandClock() {}

  /** Called by {@code main}: the command this process runs started with the launcher or JVM. */
  static void startedWithProcess() {
    long nowNanos = System.nanoTime();
    long nowMicros = System.currentTimeMillis() * 1000;
    long startMicros = startMicros(System.getProperty(PROPERTY), jvmStartMillis(), nowMicros);
    startedAt(nowNanos - (nowMicros - startMicros) * 1000);
  }

  /** Sets the command's start (tests set it in the past). */
  static void startedAt(long nanos) {
    processStartNanos = nanos == 0 ? 1 : nanos;
  }

  /** Forgets the start set by {@link #startedAt}: later commands start when they are called. */
  static void reset() {
    processStartNanos = 0;
  }

  /** The command's start on {@link System#nanoTime()}'s scale. */
  static long startNanos() {
    long set = processStartNanos;
    return set != 0 ? set : System.nanoTime();
  }

  /**
   * The earlier of the launcher's start ({@code launcher}, may be null or malformed) and the JVM's,
   * in microseconds since the epoch; never after {@code nowMicros}.
   */
  static long startMicros(String launcher, long jvmStartMillis, long nowMicros) {
    long start = Math.min(jvmStartMillis * 1000, nowMicros);
    Long fromLauncher = parseMicros(launcher);
    if (fromLauncher != null
        && fromLauncher < start
        && start - fromLauncher <= PLAUSIBLE_MILLIS * 1000) {
      start = fromLauncher;
    }
    return start;
  }

  /** {@code $EPOCHREALTIME} in microseconds; its separator follows the locale (. or ,). */
  private static Long parseMicros(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip().replace(',', '.');
    int dot = t.indexOf('.');
    try {
      long seconds = Long.parseLong(dot < 0 ? t : t.substring(0, dot));
      String frac = dot < 0 ? "" : (t.substring(dot + 1) + "000000").substring(0, 6);
      if (seconds < 0 || seconds > Long.MAX_VALUE / 2_000_000) {
        return null;
      }
      return seconds * 1_000_000 + Long.parseLong(frac.isEmpty() ? "0" : frac);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long jvmStartMillis() {
    return ManagementFactory.getRuntimeMXBean().getStartTime();
  }
}
