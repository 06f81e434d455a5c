package dev.faultline.checker.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.HistoryException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each class of malformed input the readers once mishandled (a stack overflow, an exception of
 * ours, a silently dropped entry) is refused with one sentence naming the file and line.
 */
class MalformedHistoriesTest {
  private static String refusal(String text, String name) {
    HistoryException e =
        assertThrows(HistoryException.class, () -> HistoryFile.parse(text, name, null));
    return e.getMessage();
  }

  private static void refusedAt(String where, String text, String name, String words) {
    String m = refusal(text, name);
    assertTrue(m.startsWith(where + ": "), m);
    assertTrue(m.contains(words), m);
    assertTrue(m.endsWith(".") && m.lines().count() == 1, "one sentence: " + m);
  }

  @Test
  void ednNestedThousandsDeepIsRefusedWithoutOverflowingTheStack() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    refusedAt("d.edn:1", deep, "d.edn", "nested more than 100 deep");
    String value = "{:process 0, :type :invoke, :f :write, :value " + "(".repeat(200);
    refusedAt("v.edn:2", "\n" + value, "v.edn", "nested more than 100 deep");
    // Brackets inside strings, comments and character literals are not nesting.
    String quiet =
        "{:process 0, :type :invoke, :f :write, :value \""
            + "[".repeat(300)
            + "\"} ; "
            + "(".repeat(300)
            + "\n{:process 1, :type :invoke, :f :write, :value \\[}\n";
    assertEquals(2, HistoryFile.parse(quiet, "q.edn", null).ops().size());
  }

  @Test
  void aJsonValueNestedDeeplyIsRefused() {
    String line =
        "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":"
            + "[".repeat(999)
            + "]".repeat(999)
            + "}";
    refusedAt("j.jsonl:1", line, "j.jsonl", "nested more than 100 deep");
  }

  @Test
  void badTaggedLiteralsAreRefusedInEveryEdnReader() {
    refusedAt(
        "u.edn:1",
        "{:process 0, :type :invoke, :f :write, :value #uuid \"nope\"}",
        "u.edn",
        "not valid EDN");
    refusedAt(
        "i.edn:1",
        "{:process 0, :type :invoke, :f :write, :value #inst \"garbage\"}",
        "i.edn",
        "not valid EDN");
    refusedAt(
        "e.log:1", "INFO  jepsen.util - 0\t:invoke\t:write\t#uuid \"nope\"", "e.log", "not valid");
    refusedAt(
        "c.txt:1",
        "{:process 0, :type :invoke, :f :put, :key \"a\", :value #uuid \"x\"}",
        "c.txt",
        "not valid EDN");
    HistoryException initial =
        assertThrows(HistoryException.class, () -> HistoryFile.parseValue("#uuid \"nope\""));
    assertTrue(initial.getMessage().contains("not valid EDN"), initial.getMessage());
    assertEquals(
        "0c0f1a2b-0000-4000-8000-000000000000",
        HistoryFile.parseValue("#uuid \"0c0f1a2b-0000-4000-8000-000000000000\""));
  }

  @Test
  void twoJsonObjectsOrTrailingTextOnOneLineAreRefused() {
    String op = "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":1}";
    refusedAt("t.jsonl:1", op + " " + op, "t.jsonl", "text after the line's JSON object");
    refusedAt("t.jsonl:1", op + " garbage", "t.jsonl", "");
  }

  @Test
  void processIdsBeyondSixtyFourBitsAreRefusedNotWrappedOrDropped() {
    refusedAt(
        "p.jsonl:1",
        "{\"process\":18446744073709551617,\"type\":\"invoke\",\"f\":\"read\"}",
        "p.jsonl",
        "does not fit in 64 bits");
    refusedAt(
        "p.edn:1",
        "{:process 18446744073709551617, :type :invoke, :f :read}",
        "p.edn",
        "does not fit in 64 bits");
    refusedAt(
        "p.log:1",
        "INFO  jepsen.util - 18446744073709551617\t:invoke\t:read\tnil",
        "p.log",
        "does not fit in 64 bits");
    // An integer written with EDN's N suffix that fits is an integer.
    assertEquals(
        7L,
        HistoryFile.parse("{:process 7N, :type :invoke, :f :read}", "n.edn", null)
            .ops()
            .get(0)
            .process());
  }

  @Test
  void floatsAsProcessIdsAreRefusedNotTakenForTheNemesis() {
    refusedAt(
        "f.jsonl:1",
        "{\"process\":1.5,\"type\":\"invoke\",\"f\":\"read\"}",
        "f.jsonl",
        "not an integer");
    refusedAt("f.edn:1", "{:process 1.0, :type :invoke, :f :read}", "f.edn", "not an integer");
  }

  @Test
  void anEtcdLogLineWithoutAValueIsRefusedNotReadAsNil() {
    refusedAt("e.log:1", "INFO  jepsen.util - 0\t:invoke\t:read", "e.log", "write its value");
    // The nemesis's lines name it instead of a process number, as in EDN.
    String log =
        "INFO  jepsen.util - :nemesis\t:info\t:start\tnil\n"
            + "INFO  jepsen.util - 0\t:invoke\t:read\tnil\n";
    assertEquals(1, HistoryFile.parse(log, "n.log", null).ops().size());
  }

  @Test
  void anEdnFileIsJepsensFormatEvenWhenItsOperationsCarryKeys() {
    String text = "{:process 0, :type :invoke, :f :write, :key \"a\", :value 1}\n";
    assertEquals(HistoryFormat.EDN, HistoryFile.parse(text, "h.edn", null).format());
    assertEquals(HistoryFormat.KV, HistoryFile.parse(text, "h.txt", null).format());
    assertEquals(HistoryFormat.KV, HistoryFile.parse(text, "h.edn", HistoryFormat.KV).format());
  }

  @Test
  void nulBytesNumbersBeyondADoubleAndDuplicateKeysAreRefused() {
    String op = "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":1}";
    refusedAt("z.jsonl:2", op + "\n" + op + "\0\n", "z.jsonl", "NUL byte");
    refusedAt(
        "x.jsonl:1",
        "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":1e999}",
        "x.jsonl",
        "beyond the range of a 64-bit float");
    refusedAt(
        "x.edn:1",
        "{:process 0, :type :invoke, :f :write, :value 1e999}",
        "x.edn",
        "beyond the range of a 64-bit float");
    refusedAt(
        "d.jsonl:1",
        "{\"process\":0,\"process\":1,\"type\":\"invoke\",\"f\":\"read\"}",
        "d.jsonl",
        "Duplicate field 'process'");
    refusedAt("d.edn:1", "{:process 0, :process 1, :type :invoke, :f :read}", "d.edn", "duplicate");
    // An escaped NUL inside a JSON string is data, not a corrupted file.
    String escaped = "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":\"a\\u0000b\"}";
    assertEquals("a\0b", HistoryFile.parse(escaped, "e.jsonl", null).ops().get(0).value());
  }

  @Test
  void timesMustBeIntegersWhenGiven() {
    refusedAt(
        "t.jsonl:1",
        "{\"process\":0,\"type\":\"invoke\",\"f\":\"read\",\"time\":1.5}",
        "t.jsonl",
        "not a 64-bit integer");
    refusedAt("t.edn:1", "{:process 0, :type :invoke, :f :read, :time :x}", "t.edn", "integer");
    assertEquals(
        List.of(-1L),
        HistoryFile.parse(
                "{\"process\":0,\"type\":\"invoke\",\"f\":\"read\",\"time\":null}", "n.jsonl", null)
            .ops()
            .stream()
            .map(o -> o.timeNanos())
            .toList());
  }
}
