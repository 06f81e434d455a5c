package dev.faultline.scenarios.cli;

import dev.faultline.checker.format.HistoryFormat;
import dev.faultline.scenarios.HistoryCheck;
import dev.faultline.scenarios.ScenarioResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes each finished seed's history into a directory, from the sweep's worker threads (each seed
 * has a file of its own). The first failure to write is kept and reported when the sweep ends, so
 * that a full disk is one sentence, not a stack trace from a worker.
 */
final class HistorySink {
  private final Path dir;
  private final HistoryFormat format;
  private final HistoryCheck check;
  private final AtomicInteger written = new AtomicInteger();
  private final AtomicReference<UserError> failure = new AtomicReference<>();

  HistorySink(Path dir, HistoryFormat format, HistoryCheck check) {
    this.dir = dir;
    this.format = format;
    this.check = check;
  }

  void accept(ScenarioResult r) {
    if (failure.get() != null) {
      return;
    }
    try {
      HistoryFiles.write(HistoryFiles.fileFor(dir, r.scenario(), r.seed(), format), r, check);
      written.incrementAndGet();
    } catch (UserError e) {
      failure.compareAndSet(null, e);
    }
  }

  /** Says where the histories went, or throws the first failure. */
  void finish(PrintWriter out) {
    if (failure.get() != null) {
      throw failure.get();
    }
    out.println("histories: " + written.get() + " file(s) in " + dir);
    out.flush();
  }
}
