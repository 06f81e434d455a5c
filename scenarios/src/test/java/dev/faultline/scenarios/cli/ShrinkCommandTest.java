package dev.faultline.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShrinkCommandTest {
  @TempDir Path tmp;

  @Test
  void aFailingSeedShrinksToASavedCaseThatReplaysTheSameFailure() throws Exception {
    // Gossip every 2 s cannot converge within 1 ms of the heal: the seed fails its liveness check.
    CliTest.Outcome o =
        CliTest.faultline(
            "shrink",
            "counter",
            "--seed",
            "3",
            "--set",
            "liveness-ms=1",
            "--set",
            "gossip-ms=2000",
            "--set",
            "duration-ms=2000",
            "--out",
            tmp.toString(),
            "--max-runs",
            "30");
    assertEquals(1, o.code(), o.out() + o.err());
    assertTrue(
        o.out().contains("  replay: ./faultline run counter --seed 3 --set duration-ms=2000"),
        o.out());
    List<Path> cases;
    try (Stream<Path> files = Files.list(tmp)) {
      cases = files.toList();
    }
    assertEquals(1, cases.size());
    String abs = cases.get(0).toAbsolutePath().normalize().toString();
    assertTrue(o.out().contains("  replay: ./faultline replay " + abs), o.out());
    assertTrue(o.out().contains(" --schedule " + abs), o.out());
    CliTest.Outcome replay = CliTest.faultline("replay", abs);
    assertEquals(1, replay.code(), replay.out());
    assertTrue(replay.out().contains("FAIL liveness"), replay.out());
  }

  @Test
  void aPassingSeedHasNothingToShrink() {
    CliTest.Outcome o =
        CliTest.faultline(
            "shrink",
            "counter",
            "--seed",
            "3",
            "--set",
            "duration-ms=300",
            "--out",
            tmp.toString());
    assertEquals(0, o.code(), o.out() + o.err());
    assertTrue(o.out().contains("seed 3 does not fail: nothing to shrink."), o.out());
  }
}
