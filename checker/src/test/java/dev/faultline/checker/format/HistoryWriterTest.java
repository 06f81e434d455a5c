package dev.faultline.checker.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import dev.faultline.checker.history.Rules;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HistoryWriterTest {
  private static final List<Op> OPS =
      List.of(
          new Op(0, OpType.INVOKE, "cas", "k1", List.of(1L, 2L), 1200, null),
          new Op(1, OpType.INVOKE, "read", 7L, null, 1300, null),
          new Op(0, OpType.OK, "cas", "k1", List.of(1L, 2L), 3400, null),
          new Op(1, OpType.OK, "read", 7L, Arrays.asList(3L, "a \"quoted\"\nline"), -1, null));

  private static HistoryHeader header() {
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("scenario", "raft-kv");
    provenance.put("seed", 7L);
    provenance.put("knobs", Map.of("acks", "all"));
    return new HistoryHeader(
        "linearizable", "cas-register", Rules.PORCUPINE, List.of(), provenance);
  }

  private static String write(HistoryFormat f, HistoryHeader h, List<HistoryWriter.Entry> e)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    HistoryWriter.write(sb, f, h, e);
    return sb.toString();
  }

  @ParameterizedTest
  @EnumSource(
      value = HistoryFormat.class,
      names = {"EDN", "JSONL"})
  void whatIsWrittenReadsBackAsTheSameOperationsHeaderAndExtraFields(HistoryFormat f)
      throws IOException {
    List<HistoryWriter.Entry> entries =
        List.of(
            new HistoryWriter.Entry(OPS.get(0), Map.of("producer", 4L)),
            new HistoryWriter.Entry(OPS.get(1)),
            new HistoryWriter.Entry(OPS.get(2)),
            new HistoryWriter.Entry(OPS.get(3), Map.of("seek-to-beginning?", true)));
    String name = f == HistoryFormat.EDN ? "h.edn" : "h.jsonl";
    HistoryFile back = HistoryFile.parse(write(f, header(), entries), name, null);
    assertEquals(f, back.format());
    for (int i = 0; i < OPS.size(); i++) {
      Op want = OPS.get(i);
      Op got = back.ops().get(i);
      assertEquals(
          Arrays.asList(
              want.process(), want.type(), want.f(), want.key(), want.value(), want.timeNanos()),
          Arrays.asList(
              got.process(), got.type(), got.f(), got.key(), got.value(), got.timeNanos()));
      assertEquals(name + ":" + (i + 2), got.source(), "the header is line 1");
    }
    assertEquals(Map.of("producer", 4L), back.extras(0));
    assertEquals(Map.of(), back.extras(1));
    assertEquals(Map.of("seek-to-beginning?", true), back.extras(3));
    assertEquals("cas-register", back.header().model());
    assertEquals(Rules.PORCUPINE, back.header().rules());
    assertEquals(7L, back.header().provenance().get("seed"));
    assertEquals(Map.of("acks", "all"), back.header().provenance().get("knobs"));
  }

  @Test
  void ednIsOneJepsenOperationMapPerLineWithKeywordsAndTheHeaderAsAComment() throws IOException {
    String text = write(HistoryFormat.EDN, header(), List.of(new HistoryWriter.Entry(OPS.get(0))));
    List<String> lines = text.lines().toList();
    assertTrue(
        lines.get(0).startsWith("; faultline-history {:check \"linearizable\""), lines.get(0));
    assertEquals(
        "{:process 0, :type :invoke, :f :cas, :key \"k1\", :value [1 2], :time 1200}",
        lines.get(1));
  }

  @Test
  void jsonLinesGiveTheHeaderAProcessThatIsNotAClient() throws IOException {
    String text =
        write(HistoryFormat.JSONL, header(), List.of(new HistoryWriter.Entry(OPS.get(0))));
    List<String> lines = text.lines().toList();
    assertTrue(
        lines.get(0).startsWith("{\"process\":\"faultline\",\"type\":\"info\""), lines.get(0));
    assertEquals(
        "{\"process\":0,\"type\":\"invoke\",\"f\":\"cas\",\"key\":\"k1\",\"value\":[1,2],"
            + "\"time\":1200}",
        lines.get(1));
  }

  @Test
  void mapsInValuesReadBackWithIntegerKeysInBothFormats() {
    String edn = "{:process 3, :type :ok, :f :poll, :value [[:poll {0 [[1 5]], 1 []}]]}\n";
    String json =
        "{\"process\":3,\"type\":\"ok\",\"f\":\"poll\",\"value\":[[\"poll\",{\"0\":[[1,5]],\"1\":[]}]]}\n";
    Object fromEdn = HistoryFile.parse(edn, "p.edn", null).ops().get(0).value();
    Object fromJson = HistoryFile.parse(json, "p.jsonl", null).ops().get(0).value();
    Map<Object, Object> read = new LinkedHashMap<>();
    read.put(0L, List.of(List.of(1L, 5L)));
    read.put(1L, List.of());
    assertEquals(List.of(List.of("poll", read)), fromEdn);
    assertEquals(fromEdn, fromJson);
  }

  @Test
  void aFileWithoutAHeaderHasNone() {
    HistoryFile h =
        HistoryFile.parse("{:process 0, :type :invoke, :f :read, :value nil}\n", "x.edn", null);
    assertNull(h.header());
  }

  @Test
  void aMalformedHeaderNamesItsLine() {
    HistoryException e =
        assertThrows(
            HistoryException.class,
            () ->
                HistoryFile.parse("; faultline-history {:check \"sideways\"}\n", "bad.edn", null));
    assertTrue(e.getMessage().startsWith("bad.edn:1: "), e.getMessage());
  }
}
