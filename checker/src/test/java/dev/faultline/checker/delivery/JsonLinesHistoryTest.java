package dev.faultline.checker.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Checks a history written as JSON lines, as a recorded run would be: numbers arrive as Jackson's
 * {@code Integer}s and must name the same records as the {@code Long}s of hand-built histories.
 */
class JsonLinesHistoryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<Op> read(String resource) throws IOException {
    var in = Objects.requireNonNull(JsonLinesHistoryTest.class.getResourceAsStream(resource));
    List<Op> ops = new ArrayList<>();
    try (var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        JsonNode node = JSON.readTree(line);
        ops.add(
            new Op(
                node.get("process").longValue(),
                OpType.valueOf(node.get("type").textValue().toUpperCase(Locale.ROOT)),
                node.get("f").textValue(),
                JSON.treeToValue(node.get("key"), Object.class),
                JSON.treeToValue(node.get("value"), Object.class),
                node.get("time").longValue(),
                resource.substring(resource.lastIndexOf('/') + 1) + ":" + (ops.size() + 1)));
      }
    }
    return ops;
  }

  @Test
  void anUncleanFailoverThatTruncatedAnAcknowledgedSendIsAtMostOnce() throws IOException {
    var report = DeliveryChecker.check(read("/delivery/unclean-failover.jsonl"));

    assertEquals(DeliveryGuarantee.AT_MOST_ONCE, report.guarantee());
    assertEquals(new DeliveryCounts(8, 7, 0, 1, 6, 7, 1, 0, 0), report.counts());
    assertEquals(List.of(0L, "orders-1"), report.partitionsReadToEnd());
    var kinds = report.anomalies().stream().map(a -> a.kind().label()).toList();
    assertEquals(List.of("lost-write", "inconsistent-offsets", "nonmonotonic-send"), kinds);
    var lost = report.anomalies().get(0);
    assertEquals(List.of(3L, 6L), lost.values());
    assertEquals("unclean-failover.jsonl:10", lost.ops().get(0).source());
    // The new leader handed offset 2 out a second time, to the same producer.
    assertEquals(List.of(2L, 2L), report.anomalies().get(2).offsets());
  }
}
