package dev.faultline.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.cli.Faultline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportCommandsTest {
  private static final String[] SHORT = {
    "--set", "duration-ms=1500", "--set", "liveness-ms=1500", "--set", "faults=crash,pause"
  };

  private static String[] args(String... head) {
    String[] all = new String[head.length + SHORT.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(SHORT, 0, all, head.length, SHORT.length);
    return all;
  }

  @Test
  void runWithReportWritesTheReportAndPrintsItsPath() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "run-report-");
    StringWriter out = new StringWriter();
    int code =
        Faultline.execute(
            args("run", "counter", "--seed", "5", "--report", dir.toString()),
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertEquals(0, code, out.toString());
    Path file = dir.resolve("counter-seed-5.html").toAbsolutePath().normalize();
    assertTrue(out.toString().contains("report: " + file), out.toString());
    String html = Files.readString(file);
    assertTrue(html.contains("./faultline run counter --seed 5 --set duration-ms=1500"));
  }

  @Test
  void aReportDirectoryThatCannotBeWrittenIsAUserError() throws Exception {
    Path notADir = Files.createTempFile(Path.of("target"), "not-a-dir-", ".txt");
    StringWriter err = new StringWriter();
    int code =
        Faultline.execute(
            args("run", "counter", "--seed", "5", "--report", notADir.toString()),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().startsWith("error: cannot write the report"), err.toString());
  }

  @Test
  void compareWithReportWritesThePairedTableEscaped() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "compare-report-");
    StringWriter out = new StringWriter();
    int code =
        Faultline.execute(
            args(
                "compare",
                "counter",
                "--seeds",
                "1..4",
                "--vary",
                "bug=none,no-gossip-after-restart",
                "--report",
                dir.toString()),
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertEquals(0, code, out.toString());
    String html = Files.readString(dir.resolve("index.html"));
    assertTrue(html.contains("<table id=\"paired\">"), html);
    assertTrue(html.contains("McNemar"), html);
    assertTrue(html.contains("bug=no-gossip-after-restart"), html);
  }
}
