package dev.faultline.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history too large for the heap ends as undecided with one sentence, in a JVM of its own. */
class SmallHeapTest {
  @TempDir Path tmp;

  @Test
  void aFiftyMegabyteHistoryOnASmallHeapIsUndecidedNotAnOutOfMemoryTrace() throws Exception {
    Path history = tmp.resolve("big.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(history, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 470_000; i++) {
        int p = i % 60;
        w.write(
            "{\"process\":" + p + ",\"type\":\"invoke\",\"f\":\"write\",\"value\":" + i + "}\n");
        w.write("{\"process\":" + p + ",\"type\":\"ok\",\"f\":\"write\",\"value\":" + i + "}\n");
      }
    }
    assertTrue(Files.size(history) > 50_000_000L, "the history is " + Files.size(history));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx32m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Faultline.class.getName(),
                    "check",
                    history.toString()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the check ended");
    String stderr = Files.readString(err);
    assertEquals(3, p.exitValue(), stderr);
    assertTrue(
        Files.readString(out).startsWith(history + ": UNKNOWN ops=? "), Files.readString(out));
    assertTrue(stderr.contains("ran out of memory while reading and checking"), stderr);
    assertFalse(stderr.contains("OutOfMemoryError") || stderr.contains("\tat "), stderr);
  }
}
