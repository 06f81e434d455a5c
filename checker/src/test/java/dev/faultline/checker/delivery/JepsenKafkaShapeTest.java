package dev.faultline.checker.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.format.HistoryFile;
import dev.faultline.checker.format.HistoryFormat;
import dev.faultline.checker.format.HistoryWriter;
import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JepsenKafkaShapeTest {
  /** Producer 1 with two sends in flight, one lost by the log; consumer 2 reads, then rereads. */
  private static List<Op> history() {
    return new QueueHistory()
        .invokeSend(1, 0L, 10)
        .invokeSend(1, 0L, 11)
        .ack(1, 0L, 10, 0)
        .ack(1, 0L, 11, 1)
        .send(1, 0L, 12, 2)
        .poll(2, 0L, 0, 10, 1, 11)
        .assign(2, 0L)
        .poll(2, 0L, 0, 10, 2, 12)
        .poll(2, 0L)
        .ops();
  }

  private static HistoryFile roundTrip(List<Op> ops, long finalReadFrom) throws IOException {
    StringBuilder sb = new StringBuilder();
    HistoryWriter.write(sb, HistoryFormat.EDN, null, JepsenKafkaShape.toJepsen(ops, finalReadFrom));
    return HistoryFile.parse(sb.toString(), "k.edn", null);
  }

  @Test
  void eachInFlightSendGetsAProcessOfItsOwnAndNamesItsProducer() throws IOException {
    HistoryFile h = roundTrip(history(), 12);
    Map<Long, Integer> pending = new TreeMap<>();
    for (int i = 0; i < h.ops().size(); i++) {
      Op op = h.ops().get(i);
      int open = pending.merge(op.process(), op.type() == OpType.INVOKE ? 1 : -1, Integer::sum);
      assertTrue(open == 0 || open == 1, "one pending operation per process, line " + (i + 1));
    }
    assertEquals(List.of(List.of("send", 0L, 11L)), h.ops().get(1).value());
    assertEquals(1L + 3, h.ops().get(1).process(), "producer 1's second slot: 1 + N (N = 3)");
    assertEquals(Map.of("producer", 1L), h.extras(1));
    assertEquals(List.of(List.of("send", 0L, List.of(0L, 10L))), h.ops().get(2).value());
  }

  @Test
  void readingTheJepsenShapeBackGivesTheSameHistoryAndMarksTheFinalRead() throws IOException {
    List<Op> original = history();
    JepsenKafkaShape.Converted back = JepsenKafkaShape.fromFile(roundTrip(original, 7));
    assertEquals(strip(original), strip(back.ops()));
    assertEquals(8, back.finalReadIndex(), "the first assign from time 7 on starts the final read");
    assertEquals(
        DeliveryChecker.check(original).anomalies().size(),
        DeliveryChecker.check(back.ops()).anomalies().size());
  }

  @Test
  void aHandWrittenJepsenKafkaHistoryShowsItsLostWrite() {
    String text =
        String.join(
            "\n",
            "{:process 0, :type :invoke, :f :send, :value [[:send 5 1] [:send 5 2]]}",
            "{:process 0, :type :ok, :f :send, :value [[:send 5 [0 1]] [:send 5 [1 2]]]}",
            "{:process 0, :type :invoke, :f :send, :value [[:send 5 3]]}",
            "{:process 0, :type :ok, :f :send, :value [[:send 5 [2 3]]]}",
            "{:process 1, :type :invoke, :f :poll, :value [[:poll]]}",
            "{:process 1, :type :ok, :f :poll, :value [[:poll {5 [[0 1] [2 3]]}]]}",
            "");
    JepsenKafkaShape.Converted c =
        JepsenKafkaShape.fromFile(HistoryFile.parse(text, "lost.edn", null));
    DeliveryReport r = DeliveryChecker.check(c.ops());
    List<DeliveryAnomaly> lost = r.anomalies(DeliveryAnomaly.Kind.LOST_WRITE);
    assertEquals(1, lost.size(), r.describe().toString());
    assertEquals(List.of(2L, 3L), lost.get(0).values());
    assertEquals(-1, c.finalReadIndex());
  }

  @Test
  void aMalformedMicroOpIsNamedByFileAndLine() {
    String text =
        "{:process 0, :type :invoke, :f :send, :value [[:send 5 1]]}\n"
            + "{:process 0, :type :ok, :f :send, :value [[:send 5]]}\n";
    HistoryException e =
        assertThrows(
            HistoryException.class,
            () -> JepsenKafkaShape.fromFile(HistoryFile.parse(text, "bad.edn", null)));
    assertTrue(e.getMessage().startsWith("bad.edn:2: "), e.getMessage());
  }

  /** Operations without their sources and times, which a round trip need not keep. */
  private static List<List<Object>> strip(List<Op> ops) {
    List<List<Object>> out = new ArrayList<>();
    for (Op op : ops) {
      out.add(Arrays.asList(op.process(), op.type(), op.f(), op.key(), op.value()));
    }
    return out;
  }
}
