package dev.faultline.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --time-limit} counts from the command's start, as the user's stopwatch does, and
 * covers reading. The command's start is set in the past here (no timing is asserted).
 */
class TimeLimitTest {
  @TempDir Path tmp;

  private static final long SECOND_MICROS = 1_000_000;

  @Test
  void aCommandWhoseBudgetIsSpentBeforeReadingEndsUndecidedWithASentence() throws IOException {
    Path h = tmp.resolve("h.edn");
    Files.writeString(
        h,
        "{:process 0, :type :invoke, :f :write, :value 1}\n{:process 0, :type :ok, :f :write, :value 1}\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    CommandClock.startedAt(System.nanoTime() - 10_000_000_000L);
    try {
      code =
          Faultline.execute(
              new String[] {"check", "--time-limit", "1", h.toString(), h.toString()},
              new PrintWriter(out),
              new PrintWriter(err));
    } finally {
      CommandClock.reset();
    }
    assertEquals(ExitCodes.UNKNOWN, code, err.toString());
    // Only the first file's budget began with the command; the second has its own second.
    assertEquals(
        h + ": UNKNOWN ops=?",
        out.toString().lines().findFirst().orElseThrow().replaceAll(" ms=.*", ""));
    assertTrue(
        out.toString().lines().skip(1).findFirst().orElseThrow().contains("LINEARIZABLE ops=1"),
        out.toString());
    assertTrue(
        err.toString()
            .contains(
                "undecided: the time limit ran out while reading "
                    + h
                    + ", before the check began (--time-limit 1.0 s)."),
        err.toString());
    assertTrue(!err.toString().contains("Exception"), err.toString());
  }

  @Test
  void commandsRunWithoutMainCountFromTheirCall() throws IOException {
    Path h = tmp.resolve("h.edn");
    Files.writeString(
        h, "{:process 0, :type :invoke, :f :read}\n{:process 0, :type :ok, :f :read}\n");
    StringWriter out = new StringWriter();
    int code =
        Faultline.execute(
            new String[] {"check", "--time-limit", "30", h.toString()},
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertEquals(ExitCodes.OK, code, out.toString());
  }

  @Test
  void theLaunchersStartCountsWhenItIsEarlierThanTheJvmsAndPlausible() {
    long jvmMillis = 1_700_000_000_000L;
    long jvmMicros = jvmMillis * 1000;
    long now = jvmMicros + 5 * SECOND_MICROS;
    assertEquals(
        jvmMicros - 250_000, CommandClock.startMicros("1699999999.750000", jvmMillis, now));
    // bash writes the locale's decimal separator
    assertEquals(
        jvmMicros - 250_000, CommandClock.startMicros("1699999999,750000", jvmMillis, now));
    // no launcher (bash before 5, or java -jar), a malformed value, one after the JVM started, or
    // one from long before (a stale property): the JVM's start
    for (String launcher :
        new String[] {null, "", "soon", "1700000001.000000", "1699990000.000000", "-5.0"}) {
      assertEquals(jvmMicros, CommandClock.startMicros(launcher, jvmMillis, now), launcher);
    }
  }
}
