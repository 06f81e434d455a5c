package dev.faultline.models.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RingTest {
  private static final List<String> TEN = names(10);

  private static List<String> names(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("n" + i);
    }
    return names;
  }

  @Test
  void coordinatorsOfFixedKeysArePinned() {
    Ring ring = Ring.of(TEN, 100);
    assertEquals(
        List.of("n2", "n5", "n2", "n0", "n9", "n9"),
        List.of("key-0", "key-1", "key-2", "key-3", "key-4", "key-5").stream()
            .map(ring::coordinator)
            .toList());
    assertEquals(List.of("n2", "n0", "n4"), ring.preferenceList("key-0", 3));
    assertEquals(List.of("n0", "n8", "n5"), ring.preferenceList("key-3", 3));
    assertEquals("n9", Ring.of(TEN, 1).coordinator("key-0"));
  }

  @Test
  void coordinatorOwnsTheNearestTokenClockwise() {
    Ring ring = Ring.of(TEN, 20);
    for (int k = 0; k < 500; k++) {
      long key = RingHash.hash(RingHash.keyName(k));
      int nearest = 0;
      for (int t = 1; t < ring.tokenCount(); t++) {
        // Clockwise distance from the key to a token, in unsigned arithmetic modulo 2^64.
        if (Long.compareUnsigned(ring.tokenPosition(t) - key, ring.tokenPosition(nearest) - key)
            < 0) {
          nearest = t;
        }
      }
      assertEquals(
          ring.nodes().get(ring.tokenOwner(nearest)), ring.coordinator(RingHash.keyName(k)));
    }
  }

  @Test
  void tokensAreInUnsignedOrderAndAPositionPastTheLastWrapsToTheFirst() {
    Ring ring = Ring.of(TEN, 50);
    for (int t = 1; t < ring.tokenCount(); t++) {
      assertTrue(Long.compareUnsigned(ring.tokenPosition(t - 1), ring.tokenPosition(t)) <= 0);
    }
    long last = ring.tokenPosition(ring.tokenCount() - 1);
    assertEquals(ring.tokenCount() - 1, ring.firstTokenAtOrAfter(last));
    assertEquals(0, ring.firstTokenAtOrAfter(last + 1));
    assertEquals(0, ring.firstTokenAtOrAfter(-1L));
    assertEquals(0, ring.firstTokenAtOrAfter(ring.tokenPosition(0)));
  }

  @Test
  void preferenceListHoldsDistinctPhysicalNodesCoordinatorFirst() {
    Ring ring = Ring.of(TEN, 8);
    for (int k = 0; k < 200; k++) {
      String key = RingHash.keyName(k);
      List<String> list = ring.preferenceList(key, 3);
      assertEquals(3, list.size());
      assertEquals(3, new HashSet<>(list).size());
      assertEquals(ring.coordinator(key), list.get(0));
      assertEquals(list, ring.preferenceList(key, 3));
      assertEquals(list, ring.preferenceList(key, 5).subList(0, 3));
    }
  }

  @Test
  void preferenceListLongerThanTheRingListsEveryNodeOnce() {
    Ring ring = Ring.of(List.of("a", "b", "c"), 4);
    List<String> list = ring.preferenceList("key-7", 10);
    assertEquals(3, list.size());
    assertEquals(3, new HashSet<>(list).size());
  }

  @Test
  void placementDoesNotDependOnTheOrderNodesAreGiven() {
    List<String> reversed = new ArrayList<>(TEN);
    java.util.Collections.reverse(reversed);
    Ring a = Ring.of(TEN, 30);
    Ring b = Ring.of(reversed, 30);
    assertEquals(a, b);
    assertSameTokens(a, b);
    for (int k = 0; k < 100; k++) {
      assertEquals(a.preferenceList("key-" + k, 3), b.preferenceList("key-" + k, 3));
    }
  }

  @Test
  void joinAndLeaveBuildTheSameRingAsBuildingFromScratch() {
    Ring ring = Ring.of(TEN, 40);
    assertSameTokens(Ring.of(names(11), 40), ring.withNode("n10"));
    List<String> withoutN3 = new ArrayList<>(TEN);
    withoutN3.remove("n3");
    assertSameTokens(Ring.of(withoutN3, 40), ring.withoutNode("n3"));
    assertEquals(ring, ring.withNode("n10").withoutNode("n10"));
  }

  @Test
  void aJoinMovesKeysOnlyToTheNewNodeAndALeaveOnlyFromTheLeavingOne() {
    Ring ring = Ring.of(TEN, 16);
    Ring joined = ring.withNode("n10");
    Ring left = ring.withoutNode("n4");
    for (int k = 0; k < 2000; k++) {
      String key = RingHash.keyName(k);
      String before = ring.coordinator(key);
      String afterJoin = joined.coordinator(key);
      assertTrue(afterJoin.equals(before) || afterJoin.equals("n10"), key);
      assertTrue(before.equals("n4") || left.coordinator(key).equals(before), key);
    }
  }

  @Test
  void bulkCoordinatorsAgreeWithSingleLookupsAndWithASweep() {
    Ring ring = Ring.of(TEN, 25);
    long[] positions = new long[300];
    for (int k = 0; k < positions.length; k++) {
      positions[k] = RingHash.hash(RingHash.keyName(k));
    }
    int[] bulk = ring.coordinators(positions);
    KeySet keys = KeySet.generated(300);
    Ring.Sweep sweep = ring.sweep();
    int[] swept = new int[300];
    for (int r = 0; r < swept.length; r++) {
      swept[r] = sweep.coordinatorIndex(keys.sorted()[r]);
    }
    for (int k = 0; k < positions.length; k++) {
      assertEquals(ring.coordinator(RingHash.keyName(k)), ring.nodes().get(bulk[k]));
      assertEquals(bulk[k], swept[keys.rank()[k]]);
    }
  }

  @Test
  void aSweepRefusesPositionsThatGoBackwards() {
    Ring.Sweep sweep = Ring.of(TEN, 2).sweep();
    sweep.coordinatorIndex(100);
    assertThrows(IllegalArgumentException.class, () -> sweep.coordinatorIndex(99));
  }

  @Test
  void malformedRingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Ring.of(List.of(), 3));
    assertThrows(IllegalArgumentException.class, () -> Ring.of(List.of("a", "a"), 3));
    assertThrows(IllegalArgumentException.class, () -> Ring.of(List.of(""), 3));
    assertThrows(IllegalArgumentException.class, () -> Ring.of(List.of("a"), 0));
    assertThrows(IllegalArgumentException.class, () -> Ring.of(List.of("a"), 1).withoutNode("a"));
    assertThrows(IllegalArgumentException.class, () -> Ring.of(List.of("a"), 1).withNode("a"));
    assertThrows(IllegalArgumentException.class, () -> Ring.of(TEN, 1).preferenceList("k", 0));
  }

  private static void assertSameTokens(Ring expected, Ring actual) {
    assertEquals(expected.nodes(), actual.nodes());
    assertEquals(expected.tokenCount(), actual.tokenCount());
    for (int t = 0; t < expected.tokenCount(); t++) {
      assertEquals(expected.tokenPosition(t), actual.tokenPosition(t), "position of token " + t);
      assertEquals(expected.tokenOwner(t), actual.tokenOwner(t), "owner of token " + t);
    }
  }
}
