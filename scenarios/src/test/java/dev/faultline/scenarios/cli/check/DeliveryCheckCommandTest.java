package dev.faultline.scenarios.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.cli.ExitCodes;
import dev.faultline.scenarios.cli.Faultline;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline check} on send/poll histories written by hand in Jepsen's kafka shape. */
class DeliveryCheckCommandTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Faultline.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Path jepsenKafka() throws IOException {
    Path p = tmp.resolve("jepsen-kafka.edn");
    try (InputStream in = getClass().getResourceAsStream("/histories/jepsen-kafka.edn")) {
      Files.write(p, in.readAllBytes());
    }
    return p;
  }

  @Test
  void aJepsenKafkaHistoryIsDetectedAndItsAnomaliesAndGuaranteeNamed() throws IOException {
    Path file = jepsenKafka();
    Run r = run("check", file.toString(), "--explain");
    assertEquals(ExitCodes.FAILED, r.code(), r.out() + r.err());
    String first = r.out().lines().findFirst().orElse("");
    assertTrue(first.startsWith(file + ": FAIL at-most-once anomalies="), first);
    assertTrue(
        first.contains("lost"),
        "102 was acknowledged at offset 2, never read, and the partition was read to its end: "
            + first);
    assertTrue(first.contains("other:G1a"), "200 was read, though its txn failed: " + first);
    assertTrue(r.out().contains("unseen: partition 1: value 102"), r.out());
    assertTrue(r.out().contains(file + ":7"), "anomalies name the file's lines: " + r.out());
  }

  @Test
  void allowedClassesDoNotFailTheCheckButAreStillNamed() throws IOException {
    Path file = jepsenKafka();
    Run r = run("check", "--model", "delivery", "--allow", "lost", file.toString());
    assertEquals(ExitCodes.FAILED, r.code(), "g1a is never allowed: " + r.out());
    Run bad = run("check", "--allow", "sideways", file.toString());
    assertEquals(ExitCodes.USAGE, bad.code(), bad.err());
  }

  @Test
  void malformedDeliveryInputIsOneSentenceNamingFileAndLine() throws IOException {
    Path file = tmp.resolve("bad.edn");
    Files.writeString(
        file,
        "{:process 0, :type :invoke, :f :send, :value [[:send 1 5]]}\n"
            + "{:process 0, :type :ok, :f :poll, :value [[:poll {1 [[0]]}]]}\n");
    Run r = run("check", "--model", "delivery", file.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("error: " + file + ":2: "), first);
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
