package dev.faultline.models.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLoadsTest {

  private static Ring ring(int nodes, int vnodes) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      names.add("n" + i);
    }
    return Ring.of(names, vnodes);
  }

  private static long[] keys(int count) {
    long[] positions = new long[count];
    for (int k = 0; k < count; k++) {
      positions[k] = RingHash.hash(RingHash.keyName(k));
    }
    return positions;
  }

  @Test
  void capacityIsTheCeilingOfOnePlusEpsilonTimesTheMeanInExactDecimals() {
    assertEquals(12500, BoundedLoads.capacity(100_000, 10, 0.25));
    assertEquals(11000, BoundedLoads.capacity(100_000, 10, 0.1));
    assertEquals(3, BoundedLoads.capacity(7, 3, 0));
    assertEquals(4, BoundedLoads.capacity(7, 3, 0.5));
    assertThrows(IllegalArgumentException.class, () -> BoundedLoads.capacity(7, 3, -0.1));
    assertThrows(IllegalArgumentException.class, () -> BoundedLoads.capacity(7, 3, Double.NaN));
  }

  @Test
  void noNodeEverHoldsMoreThanItsCapacity() {
    long[] keys = keys(20_000);
    for (int v : new int[] {1, 10, 100}) {
      for (double epsilon : new double[] {0, 0.05, 0.25, 1}) {
        BoundedLoads.Assignment a = BoundedLoads.assign(ring(10, v), keys, epsilon);
        assertTrue(a.maxLoad() <= a.capacity(), "v=" + v + " epsilon=" + epsilon);
        assertEquals(BoundedLoads.capacity(keys.length, 10, epsilon), a.capacity());
        assertEquals(keys.length, java.util.Arrays.stream(a.loads()).sum());
      }
    }
  }

  @Test
  void eachKeyGoesToTheFirstNodeClockwiseWithRoomInKeyOrder() {
    Ring ring = ring(5, 3);
    long[] keys = keys(400);
    BoundedLoads.Assignment a = BoundedLoads.assign(ring, keys, 0.1);
    int[] loads = new int[5];
    for (int k = 0; k < keys.length; k++) {
      int t = ring.firstTokenAtOrAfter(keys[k]);
      while (loads[ring.tokenOwner(t)] >= a.capacity()) {
        t = (t + 1) % ring.tokenCount();
      }
      assertEquals(ring.tokenOwner(t), a.owner(k), "key " + k);
      loads[a.owner(k)]++;
    }
    assertArrayEquals(loads, a.loads());
  }

  @Test
  void withRoomToSpareEveryKeyStaysWithItsCoordinator() {
    Ring ring = ring(10, 100);
    long[] keys = keys(5_000);
    assertArrayEquals(ring.coordinators(keys), BoundedLoads.assign(ring, keys, 9).owners());
  }

  @Test
  void boundedLoadsCapTheMostLoadedNodeWhereThePlainRingDoesNot() {
    Ring ring = ring(10, 1);
    long[] keys = keys(20_000);
    Loads plain = Loads.of(ring.coordinators(keys), 10);
    Loads bounded = Loads.of(BoundedLoads.assign(ring, keys, 0.25).owners(), 10);
    assertTrue(plain.max() / plain.mean() > 1.25, "one token per node is badly skewed");
    assertTrue(bounded.max() / bounded.mean() <= 1.25);
  }
}
