package dev.faultline.checker.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryFileTest {
  @Test
  void jepsenEdnVectorIsReadWithLinesAndTheNemesisLeftOut() {
    String text =
        "[{:type :invoke, :f :cas, :value [1 2], :process 0, :time 10, :index 0}\n"
            + " {:type :info, :f :start, :process :nemesis}\n"
            + " {:type :ok, :f :cas, :value [1 2], :process 0, :time 20}]\n";
    HistoryFile h = HistoryFile.parse(text, "h.edn", null);
    assertEquals(HistoryFormat.EDN, h.format());
    assertEquals(2, h.ops().size());
    Op first = h.ops().get(0);
    assertEquals(List.of(1L, 2L), first.value());
    assertEquals(10, first.timeNanos());
    assertEquals("h.edn:1", first.source());
    assertEquals("h.edn:3", h.ops().get(1).source());
    assertEquals(OpType.OK, h.ops().get(1).type());
  }

  @Test
  void jepsenHistoryRecordsAreReadAsTheirMaps() {
    String text =
        "#jepsen.history.Op{:index 0, :time 1, :type :invoke, :process 0, :f :read, :value nil}\n"
            + "#jepsen.history.Op{:index 1, :time 2, :type :ok, :process 0, :f :read, :value 3}\n";
    HistoryFile h = HistoryFile.parse(text, "history.edn", null);
    assertEquals(HistoryFormat.EDN, h.format());
    assertEquals(new Op(0, OpType.OK, "read", null, 3L, 2, "history.edn:2"), h.ops().get(1));
  }

  @Test
  void ednMapsOneToALineWithKeysAreKvFiles() {
    String text =
        "{:process 9, :type :invoke, :f :append, :key \"0\", :value \"x 9 0 y\"}\n"
            + "{:process 9, :type :ok, :f :append, :key \"0\", :value \"x 9 0 y\"}\n";
    HistoryFile h = HistoryFile.parse(text, "c.txt", null);
    assertEquals(HistoryFormat.KV, h.format());
    assertEquals("0", h.ops().get(1).key());
    assertEquals("c.txt:2", h.ops().get(1).source());
  }

  @Test
  void etcdLogLinesAreReadWithTheirValues() {
    String text =
        "INFO  jepsen.util - 0\t:invoke\t:cas\t[1 4]\n"
            + "INFO  jepsen.util - 0\t:fail\t:cas\t[1 4]\n"
            + "INFO  jepsen.util - 3\t:invoke\t:read\tnil\n"
            + "INFO  jepsen.util - 3\t:fail\t:read\t:timed-out\n";
    HistoryFile h = HistoryFile.parse(text, "etcd.log", null);
    assertEquals(HistoryFormat.ETCD, h.format());
    assertEquals(List.of(1L, 4L), h.ops().get(1).value());
    assertEquals(OpType.FAIL, h.ops().get(3).type());
    assertEquals("timed-out", h.ops().get(3).value());
    assertEquals(null, h.ops().get(2).value());
  }

  @Test
  void jsonLinesAreReadWithKeysValuesAndTimes() {
    String text =
        "{\"process\":1,\"type\":\"invoke\",\"f\":\"write\",\"key\":\"k\",\"value\":3,\"time\":5}\n"
            + "{\"process\":\"nemesis\",\"type\":\"info\",\"f\":\"kill\"}\n"
            + "{\"process\":1,\"type\":\"ok\",\"f\":\"write\",\"key\":\"k\",\"value\":3}\n";
    HistoryFile h = HistoryFile.parse(text, "h.jsonl", null);
    assertEquals(HistoryFormat.JSONL, h.format());
    assertEquals(2, h.ops().size());
    assertEquals(new Op(1, OpType.INVOKE, "write", "k", 3L, 5, "h.jsonl:1"), h.ops().get(0));
  }

  @Test
  void theFormatFlagOverridesDetection() {
    String text = "{:process 0, :type :invoke, :f :read, :key \"a\", :value nil}\n";
    assertEquals(HistoryFormat.EDN, HistoryFile.parse(text, "x.txt", HistoryFormat.EDN).format());
  }

  @Test
  void malformedLinesAreNamedByFileAndLine() {
    HistoryException edn =
        assertThrows(
            HistoryException.class,
            () ->
                HistoryFile.parse(
                    "[{:process 0 :type :invoke :f :read}\n {:process 0", "a.edn", null));
    assertTrue(edn.getMessage().startsWith("a.edn:2: "), edn.getMessage());
    HistoryException type =
        assertThrows(
            HistoryException.class,
            () -> HistoryFile.parse("{:process 0 :type :done :f :read}", "b.edn", null));
    assertTrue(type.getMessage().startsWith("b.edn:1: the :type must be"), type.getMessage());
    HistoryException log =
        assertThrows(
            HistoryException.class,
            () ->
                HistoryFile.parse(
                    "INFO  jepsen.util - 0\t:invoke\t:read\tnil\ngarbage\n", "e.log", null));
    assertTrue(log.getMessage().startsWith("e.log:2: not a Jepsen log line"), log.getMessage());
    HistoryException json =
        assertThrows(
            HistoryException.class, () -> HistoryFile.parse("{\"process\":1,", "j.jsonl", null));
    assertTrue(json.getMessage().startsWith("j.jsonl:1: not a JSON object"), json.getMessage());
  }

  @Test
  void aFileWhoseFormatCannotBeToldAsksForTheFlag() {
    HistoryException e =
        assertThrows(HistoryException.class, () -> HistoryFile.parse("hello\n", "x.txt", null));
    assertTrue(e.getMessage().contains("--format"), e.getMessage());
  }

  @Test
  void valuesGivenOnTheCommandLineAreEdn() {
    assertEquals(3L, HistoryFile.parseValue("3"));
    assertEquals("x", HistoryFile.parseValue("\"x\""));
    assertEquals(List.of(1L, 2L), HistoryFile.parseValue("[1 2]"));
    assertEquals(null, HistoryFile.parseValue("nil"));
    assertThrows(HistoryException.class, () -> HistoryFile.parseValue("[1"));
  }
}
