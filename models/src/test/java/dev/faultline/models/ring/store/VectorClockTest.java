package dev.faultline.models.ring.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.models.ring.store.VectorClock.Order;
import org.junit.jupiter.api.Test;

class VectorClockTest {
  private static final VectorClock A1 = VectorClock.empty().increment("c1");
  private static final VectorClock A2 = A1.increment("c1");
  private static final VectorClock B1 = VectorClock.empty().increment("c2");

  @Test
  void aClockCountedUpComesAfterItsPast() {
    assertEquals(Order.AFTER, A2.compare(A1));
    assertEquals(Order.BEFORE, A1.compare(A2));
    assertEquals(Order.EQUAL, A1.compare(VectorClock.empty().increment("c1")));
  }

  @Test
  void clocksOfTwoActorsThatNeverMetAreConcurrent() {
    assertEquals(Order.CONCURRENT, A1.compare(B1));
    assertEquals(Order.BEFORE, VectorClock.empty().compare(B1));
  }

  @Test
  void aMergeHasSeenBothSidesAndNothingElse() {
    VectorClock m = A2.merge(B1);
    assertEquals(2, m.get("c1"));
    assertEquals(1, m.get("c2"));
    assertEquals(0, m.get("c3"));
    assertEquals(Order.AFTER, m.compare(A2));
    assertEquals(Order.AFTER, m.compare(B1));
    assertEquals(Order.AFTER, m.increment("c3").compare(m));
    assertEquals("{c1=2, c2=1}", m.toString());
  }
}
