package dev.faultline.scenarios.bench;

import java.io.PrintWriter;

/**
 * One target of {@code faultline bench}. A benchmark measures and prints its figures; it never
 * asserts a threshold (tests assert behaviour, benchmarks measure speed).
 */
public interface Benchmark {
  /** The name given on the command line, e.g. {@code sim} or {@code checker}. */
  String name();

  /** One line for {@code faultline bench --help}. */
  String description();

  /**
   * Runs the benchmark and prints its figures to {@code out}.
   *
   * @param projectRoot the directory that holds the project checkout, for benchmarks that read
   *     files such as ../shared/histories relative to it
   */
  void run(PrintWriter out, java.nio.file.Path projectRoot) throws Exception;
}
