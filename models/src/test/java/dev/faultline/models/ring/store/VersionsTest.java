package dev.faultline.models.ring.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.models.ring.store.StoreConfig.Versioning;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionsTest {
  private static Version v(long value, VectorClock clock, long stamp, String coordinator) {
    return new Version(value, clock, stamp, coordinator, "c1");
  }

  private static final VectorClock X = VectorClock.empty().increment("c1");
  private static final VectorClock Y = VectorClock.empty().increment("c2");

  @Test
  void vectorClocksKeepConcurrentWritesAsSiblingsSortedByValue() {
    List<Version> kept =
        Versions.reconcile(Versioning.VCLOCK, List.of(v(7, Y, 1, "n1")), List.of(v(3, X, 2, "n2")));
    assertEquals(List.of(3L, 7L), kept.stream().map(Version::value).toList());
  }

  @Test
  void aWriteThatSawBothSiblingsReplacesThem() {
    List<Version> siblings =
        Versions.reconcile(Versioning.VCLOCK, List.of(v(7, Y, 1, "n1")), List.of(v(3, X, 2, "n2")));
    VectorClock resolved = Versions.context(siblings).increment("c1");
    List<Version> kept =
        Versions.reconcile(Versioning.VCLOCK, siblings, List.of(v(9, resolved, 0, "n3")));
    assertEquals(List.of(9L), kept.stream().map(Version::value).toList());
  }

  @Test
  void lastWriteWinsKeepsTheGreatestStampEvenWhenItWasWrittenFirst() {
    Version early = v(1, VectorClock.empty(), 500, "n1");
    Version laterButBehind = v(2, VectorClock.empty(), 400, "n2");
    assertEquals(
        List.of(early),
        Versions.reconcile(Versioning.LWW, List.of(early), List.of(laterButBehind)));
  }
}
