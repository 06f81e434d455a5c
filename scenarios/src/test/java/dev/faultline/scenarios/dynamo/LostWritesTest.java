package dev.faultline.scenarios.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.models.ring.store.ClientOp;
import dev.faultline.models.ring.store.StoreMessage.Status;
import dev.faultline.models.ring.store.VectorClock;
import dev.faultline.models.ring.store.Version;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lost-write rule of docs/dynamo.md, on hand-made histories. */
class LostWritesTest {
  private static Op write(String client, long value, Status status, long from, long to) {
    return new Op(client, new ClientOp(true, "k1", value, List.of(), status, "n1", null, from, to));
  }

  private static Op read(String client, List<Long> values, long from, long to) {
    return new Op(client, new ClientOp(false, "k1", null, values, Status.OK, "n1", null, from, to));
  }

  private static Map<String, List<Version>> finalValue(long... values) {
    List<Version> vs = new java.util.ArrayList<>();
    for (long v : values) {
      vs.add(new Version(v, VectorClock.empty(), 0, "n1", "c1"));
    }
    return Map.of("k1", vs);
  }

  private static List<Long> lost(List<Op> ops, Map<String, List<Version>> end) {
    return LostWrites.find(ops, end).stream().map(o -> o.op().value()).toList();
  }

  @Test
  void aWriteThatLostToAConcurrentOneIsLost() {
    List<Op> ops = List.of(write("c1", 1, Status.OK, 10, 20), write("c2", 2, Status.OK, 15, 25));
    assertEquals(List.of(1L), lost(ops, finalValue(2)));
  }

  @Test
  void aWriteOverwrittenByALaterOneIsNotLostEvenIfTheLaterOneTimedOut() {
    List<Op> ops =
        List.of(write("c1", 1, Status.OK, 10, 20), write("c2", 2, Status.TIMEOUT, 30, 130));
    assertEquals(List.of(), lost(ops, finalValue(2)));
  }

  @Test
  void aWriteFollowedOnlyByARefusedOneIsLostWhenTheKeyEndsElsewhere() {
    List<Op> ops =
        List.of(
            write("c2", 2, Status.OK, 1, 5),
            write("c1", 1, Status.OK, 10, 20),
            write("c2", 3, Status.UNAVAILABLE, 30, 31));
    assertEquals(List.of(1L), lost(ops, finalValue(2)));
  }

  @Test
  void aWriteByAClientThatHadReadTheValueFollowsItCausally() {
    List<Op> ops =
        List.of(
            write("c1", 1, Status.OK, 10, 40),
            read("c2", List.of(1L), 12, 14),
            write("c2", 2, Status.OK, 15, 25));
    assertEquals(List.of(), lost(ops, finalValue(2)));
  }

  @Test
  void aWriteKeptAsASiblingIsNotLost() {
    List<Op> ops = List.of(write("c1", 1, Status.OK, 10, 20), write("c2", 2, Status.OK, 15, 25));
    assertEquals(List.of(), lost(ops, finalValue(1, 2)));
  }
}
