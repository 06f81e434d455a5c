package dev.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiskTest {
  @Test
  void syncedWritesSurviveACrashAndUnsyncedOnesDoNot() {
    Disk d = new Disk();
    d.put("epoch", 3L);
    d.append("log", "a");
    d.sync();
    d.put("epoch", 4L);
    d.append("log", "b");
    assertEquals(4L, (Long) d.get("epoch"), "a node reads its own unsynced writes");
    d.crash(0);
    assertEquals(3L, (Long) d.get("epoch"));
    assertEquals(List.of("a"), d.log("log"));
  }

  @Test
  void aTornCrashKeepsOnlyAPrefixOfTheUnsyncedWrites() {
    Disk d = new Disk();
    d.append("log", "a");
    d.append("log", "b");
    d.append("log", "c");
    d.crash(2);
    assertEquals(List.of("a", "b"), d.log("log"));
  }

  @Test
  void truncationAndDeletionAreWritesLikeAnyOther() {
    Disk d = new Disk();
    d.append("log", "a");
    d.append("log", "b");
    d.put("vote", "n1");
    d.sync();
    d.truncate("log", 1);
    d.put("vote", null);
    assertEquals(List.of("a"), d.log("log"));
    assertNull(d.get("vote"));
    d.crash(0);
    assertEquals(List.of("a", "b"), d.log("log"), "an unsynced truncation is undone by a crash");
    assertEquals("n1", d.get("vote"));
  }
}
