package dev.faultline.checker.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.checker.format.HistoryFile;
import dev.faultline.checker.format.HistoryFormat;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Checks a recorded run written as JSON lines, the format {@code faultline check} reads. */
class JsonLinesHistoryTest {

  private static final String NAME = "unclean-failover.jsonl";

  private static String text() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            JsonLinesHistoryTest.class.getResourceAsStream("/delivery/" + NAME))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Reads the file with plain Jackson, which gives {@code Integer}s for small numbers. */
  private static List<Op> readWithPlainJackson(String text) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Op> ops = new ArrayList<>();
    for (String line : text.strip().split("\n")) {
      JsonNode node = json.readTree(line);
      ops.add(
          new Op(
              node.get("process").longValue(),
              OpType.valueOf(node.get("type").textValue().toUpperCase(Locale.ROOT)),
              node.get("f").textValue(),
              json.treeToValue(node.get("key"), Object.class),
              json.treeToValue(node.get("value"), Object.class),
              node.get("time").longValue(),
              NAME + ":" + (ops.size() + 1)));
    }
    return ops;
  }

  @Test
  void anUncleanFailoverThatTruncatedAnAcknowledgedSendIsAtMostOnce() throws IOException {
    var report = DeliveryChecker.check(HistoryFile.parse(text(), NAME, HistoryFormat.JSONL).ops());

    assertEquals(DeliveryGuarantee.AT_MOST_ONCE, report.guarantee());
    assertEquals(new DeliveryCounts(8, 7, 0, 1, 6, 7, 1, 0, 0), report.counts());
    assertEquals(List.of(0L, "orders-1"), report.partitionsReadToEnd());
    var kinds = report.anomalies().stream().map(a -> a.kind().label()).toList();
    assertEquals(List.of("lost-write", "inconsistent-offsets", "nonmonotonic-send"), kinds);
    var lost = report.anomalies().get(0);
    assertEquals(List.of(3L, 6L), lost.values());
    assertEquals(NAME + ":10", lost.ops().get(0).source());
    // The new leader handed offset 2 out a second time, to the same producer.
    assertEquals(List.of(2L, 2L), report.anomalies().get(2).offsets());
  }

  @Test
  void integersAndLongsNameTheSameRecords() throws IOException {
    var viaReader =
        DeliveryChecker.check(HistoryFile.parse(text(), NAME, HistoryFormat.JSONL).ops());
    var viaIntegers = DeliveryChecker.check(readWithPlainJackson(text()));

    assertEquals(viaReader, viaIntegers);
  }
}
