package dev.faultline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.Op;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.trace.TraceEvent;
import dev.faultline.sim.trace.TraceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the timeline, the role chart and the message diagram read out of a run. */
class TimelineDataTest {
  @Test
  void aRestartEndsTheCrashWindowAndAnOpenPartitionEndsWithTheRun() {
    FaultSchedule s =
        FaultSchedule.parse(
            "1.000000s crash n2\n2.000000s restart n2\n3.000000s partition halves n1|n2,n3\n");
    List<FaultWindow> w = FaultWindow.of(s, 5_000_000);
    assertEquals(2, w.size());
    assertEquals(new FaultWindow("crash", "crash n2", "n2", 1_000_000, 2_000_000), w.get(0));
    assertEquals("partition", w.get(1).family());
    assertEquals(5_000_000, w.get(1).endMicros());
  }

  @Test
  void lossAtRateZeroLiftsTheLossWindow() {
    FaultSchedule s = FaultSchedule.parse("1.000000s loss 0.1\n1.500000s loss 0.0\n");
    List<FaultWindow> w = FaultWindow.of(s, 5_000_000);
    assertEquals(1, w.size());
    assertEquals(1_500_000, w.get(0).endMicros());
  }

  @Test
  void aCrashedNodeIsDownUntilItRestartsThenFollowsItsAnnouncedRole() {
    List<TraceEvent> ev =
        List.of(
            new TraceEvent(0, 0, TraceKind.START, 0, -1, null),
            new TraceEvent(1, 10, TraceKind.ROLE, 0, -1, "leader"),
            new TraceEvent(2, 100, TraceKind.CRASH, 0, -1, null),
            new TraceEvent(3, 200, TraceKind.RESTART, 0, -1, null),
            new TraceEvent(4, 210, TraceKind.ROLE, 0, -1, "follower"));
    List<String> states =
        NodeStates.spans(ev, 300).stream()
            .map(s -> s.state() + "@" + s.startMicros() + "-" + s.endMicros())
            .toList();
    assertEquals(
        List.of("up@0-10", "leader@10-100", "down@100-200", "up@200-210", "follower@210-300"),
        states);
  }

  @Test
  void aMessageRunsFromItsSendToItsDeliveryOrItsDrop() {
    Object a = new Fixtures.Ping(1);
    Object b = new Fixtures.Ping(2);
    List<TraceEvent> ev =
        List.of(
            new TraceEvent(0, 10, TraceKind.SEND, 0, 1, a),
            new TraceEvent(1, 12, TraceKind.SEND, 1, 0, b),
            new TraceEvent(2, 15, TraceKind.DROP, 1, 0, b),
            new TraceEvent(3, 30, TraceKind.DELIVER, 0, 1, a));
    List<MessageDiagram.Message> m = MessageDiagram.messages(ev, 100);
    assertEquals(new MessageDiagram.Message(0, 1, 10, 30, false, a), m.get(0));
    assertEquals(new MessageDiagram.Message(1, 0, 12, 15, true, b), m.get(1));
  }

  @Test
  void anOperationThatNeverCompletedStaysOpenUntilTheEnd() {
    List<OpSpan> spans =
        OpSpan.pair(
            List.of(
                Op.invoke(1, "write", null, 5L, 1_000),
                Op.invoke(2, "read", null, null, 2_000),
                Op.ok(2, "read", null, 5L, 9_000)),
            50);
    assertEquals("OPEN", spans.get(0).outcome());
    assertEquals(50, spans.get(0).endMicros());
    assertEquals("OK", spans.get(1).outcome());
    assertEquals(7, spans.get(1).latencyMicros());
    assertTrue(spans.get(1).label().contains("read"));
  }
}
