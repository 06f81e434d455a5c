package dev.faultline.scenarios.sweep;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a sweep's progress: a bar redrawn in place with rate and ETA on a terminal, plain lines
 * every few seconds otherwise (a CI log, a file). Wall-clock time is fine here: this is the command
 * line, not the simulation.
 */
final class Progress {
  private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;
  private static final long BAR_EVERY_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final long total;
  private final long start = System.nanoTime();
  private long lastDraw = start;
  private long done;
  private long failed;

  Progress(PrintWriter err, boolean terminal, long total) {
    this.err = err;
    this.terminal = terminal;
    this.total = total;
  }

  void advance(boolean failedSeed) {
    done++;
    failed += failedSeed ? 1 : 0;
    long now = System.nanoTime();
    if (now - lastDraw >= (terminal ? BAR_EVERY_NANOS : PLAIN_EVERY_NANOS) || done == total) {
      lastDraw = now;
      draw(now);
    }
  }

  void finish() {
    if (terminal && total > 0) {
      err.println();
      err.flush();
    }
  }

  private void draw(long now) {
    double secs = Math.max(1e-9, (now - start) / 1e9);
    double rate = done / secs;
    long etaSecs = rate > 0 ? Math.round((total - done) / rate) : 0;
    String figures =
        String.format(
            Locale.ROOT,
            "%d/%d seeds (%d failed)  %.1f seeds/s  ETA %s",
            done,
            total,
            failed,
            rate,
            formatDuration(etaSecs));
    if (terminal) {
      int width = 30;
      int filled = total == 0 ? width : (int) (width * done / total);
      err.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + figures + "   ");
    } else {
      err.println("progress: " + figures);
    }
    err.flush();
  }

  static String formatDuration(long secs) {
    if (secs >= 3600) {
      return (secs / 3600) + "h" + String.format(Locale.ROOT, "%02dm", (secs % 3600) / 60);
    }
    if (secs >= 60) {
      return (secs / 60) + "m" + String.format(Locale.ROOT, "%02ds", secs % 60);
    }
    return secs + "s";
  }
}
