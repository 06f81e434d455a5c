package dev.faultline.scenarios.cli;

import java.util.Locale;

/** What the command line says when the heap runs out: one sentence and what to do about it. */
final class OutOfMemory {
  private OutOfMemory() {}

  /** "ran out of memory while {@code doing} ...", naming the heap limit and the remedy. */
  static String sentence(String doing) {
    long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return String.format(
        Locale.ROOT,
        "ran out of memory while %s (the Java heap is limited to %d MB); give the JVM more with"
            + " FAULTLINE_JAVA_OPTS=-Xmx4g.",
        doing,
        maxMb);
  }
}
