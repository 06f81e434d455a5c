package dev.faultline.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.HistoryException;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.Rules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearizabilityTest {
  private static final CheckOptions JEPSEN = CheckOptions.defaults();
  private static final CheckOptions PORCUPINE = CheckOptions.defaults().withRules(Rules.PORCUPINE);

  private static Verdict check(Model<?> model, CheckOptions options, Op... ops) {
    return Linearizability.check(List.of(ops), model, options).verdict();
  }

  @Test
  void aStaleReadAfterAWriteCompletedIsNotLinearizable() {
    Verdict v =
        check(
            Models.register(0L),
            JEPSEN,
            Op.invoke(0, "write", null, 1L, -1),
            Op.ok(0, "write", null, 1L, -1),
            Op.invoke(1, "read", null, null, -1),
            Op.ok(1, "read", null, 0L, -1));
    assertEquals(Verdict.NOT_LINEARIZABLE, v);
  }

  @Test
  void aReadConcurrentWithAWriteMaySeeEitherValue() {
    for (long seen : new long[] {0, 1}) {
      Verdict v =
          check(
              Models.register(0L),
              JEPSEN,
              Op.invoke(0, "write", null, 1L, -1),
              Op.invoke(1, "read", null, null, -1),
              Op.ok(1, "read", null, seen, -1),
              Op.ok(0, "write", null, 1L, -1));
      assertEquals(Verdict.LINEARIZABLE, v);
    }
  }

  @Test
  void aCrashedWriteMayTakeEffectLongAfterItsInvoke() {
    Op[] ops = {
      Op.invoke(0, "write", null, 1L, -1),
      Op.info(0, "write", null, null, -1),
      Op.invoke(1, "read", null, null, -1),
      Op.ok(1, "read", null, null, -1),
      Op.invoke(1, "read", null, null, -1),
      Op.ok(1, "read", null, 1L, -1)
    };
    assertEquals(Verdict.LINEARIZABLE, check(Models.register(null), PORCUPINE, ops));
  }

  @Test
  void underJepsenRulesANilReadTellsNothingAndAFailNeverHappened() {
    Op[] ops = {
      Op.invoke(0, "write", null, 1L, -1),
      Op.ok(0, "write", null, 1L, -1),
      Op.invoke(1, "read", null, null, -1),
      Op.ok(1, "read", null, null, -1),
      Op.invoke(2, "cas", null, List.of(1L, 2L), -1),
      Op.fail(2, "cas", null, List.of(1L, 2L), -1)
    };
    assertEquals(Verdict.LINEARIZABLE, check(Models.casRegister(null), JEPSEN, ops));
    // Porcupine reads nil as empty, and a failed cas as a compare that did not match.
    assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.casRegister(null), PORCUPINE, ops));
  }

  @Test
  void aFailedCasUnderPorcupineRulesMeansTheCompareDidNotMatch() {
    Op[] ops = {
      Op.invoke(0, "cas", null, List.of(1L, 2L), -1),
      Op.fail(0, "cas", null, List.of(1L, 2L), -1),
      Op.invoke(0, "read", null, null, -1),
      Op.ok(0, "read", null, null, -1)
    };
    assertEquals(Verdict.LINEARIZABLE, check(Models.casRegister(null), PORCUPINE, ops));
    assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.casRegister(1L), PORCUPINE, ops));
  }

  @Test
  void integersAndLongsAreTheSameValue() {
    Verdict v =
        check(
            Models.casRegister(0L),
            JEPSEN,
            Op.invoke(0, "cas", null, List.of(0, 1), -1),
            Op.ok(0, "cas", null, List.of(0, 1), -1),
            Op.invoke(0, "read", null, null, -1),
            Op.ok(0, "read", null, 1L, -1));
    assertEquals(Verdict.LINEARIZABLE, v);
  }

  @Test
  void mutexSetAndQueueFollowTheirSpecifications() {
    Model<?> mutex = Models.byName("mutex", null);
    assertEquals(
        Verdict.NOT_LINEARIZABLE,
        check(
            mutex,
            JEPSEN,
            Op.invoke(0, "acquire", null, null, -1),
            Op.ok(0, "acquire", null, null, -1),
            Op.invoke(1, "acquire", null, null, -1),
            Op.ok(1, "acquire", null, null, -1)));
    Model<?> set = Models.byName("set", null);
    assertEquals(
        Verdict.LINEARIZABLE,
        check(
            set,
            JEPSEN,
            Op.invoke(0, "add", null, 1L, -1),
            Op.invoke(1, "read", null, null, -1),
            Op.ok(1, "read", null, List.of(1L), -1),
            Op.ok(0, "add", null, 1L, -1)));
    Model<?> queue = Models.byName("queue", null);
    assertEquals(
        Verdict.NOT_LINEARIZABLE,
        check(
            queue,
            JEPSEN,
            Op.invoke(0, "enqueue", null, 1L, -1),
            Op.ok(0, "enqueue", null, 1L, -1),
            Op.invoke(0, "enqueue", null, 2L, -1),
            Op.ok(0, "enqueue", null, 2L, -1),
            Op.invoke(1, "dequeue", null, null, -1),
            Op.ok(1, "dequeue", null, 2L, -1)));
  }

  @Test
  void keysAreCheckedIndependentlyOrTogether() {
    Op[] ops = {
      Op.invoke(0, "put", "a", "x", -1),
      Op.ok(0, "put", "a", "x", -1),
      Op.invoke(1, "get", "b", null, -1),
      Op.ok(1, "get", "b", "", -1),
      Op.invoke(1, "get", "a", null, -1),
      Op.ok(1, "get", "a", "y", -1)
    };
    CheckResult parted = Linearizability.check(List.of(ops), Models.kv(), PORCUPINE);
    assertEquals(Verdict.NOT_LINEARIZABLE, parted.verdict());
    assertEquals("a", parted.counterexample().key());
    CheckResult whole =
        Linearizability.check(List.of(ops), Models.kv(), PORCUPINE.withPartition(false));
    assertEquals(Verdict.NOT_LINEARIZABLE, whole.verdict());
  }

  @Test
  void aViolationCarriesThePrefixTheBlockedOperationAndTheStates() {
    CheckResult r =
        Linearizability.check(
            List.of(
                Op.invoke(0, "write", null, 1L, -1),
                Op.ok(0, "write", null, 1L, -1),
                Op.invoke(0, "write", null, 2L, -1),
                Op.ok(0, "write", null, 2L, -1),
                Op.invoke(1, "read", null, null, -1),
                Op.ok(1, "read", null, 1L, -1)),
            Models.register(null),
            JEPSEN);
    Counterexample c = r.counterexample();
    assertNotNull(c);
    assertEquals(2, c.prefix().size());
    assertEquals("read", c.blocked().f());
    assertEquals(List.of("2"), c.candidateStates());
    assertTrue(c.explain().contains("read 1"), c.explain());
  }

  @Test
  void malformedHistoriesAreRejectedWithOneSentenceNamingTheEntry() {
    assertMalformed(
        "entry 1: a completion (ok read) for process 0", Op.ok(0, "read", null, 1L, -1));
    assertMalformed(
        "entry 2: process 0 invokes write while its read from entry 1 is still pending",
        Op.invoke(0, "read", null, null, -1),
        Op.invoke(0, "write", null, 1L, -1));
    assertMalformed(
        "entry 1: unknown function 'inc' for the cas-register model",
        Op.invoke(0, "inc", null, null, -1));
    assertMalformed(
        "entry 2: a cas needs the value [expected new], not 3",
        Op.invoke(0, "cas", null, 3L, -1),
        Op.ok(0, "cas", null, 3L, -1));
  }

  private static void assertMalformed(String start, Op... ops) {
    HistoryException e =
        assertThrows(
            HistoryException.class,
            () -> Linearizability.check(List.of(ops), Models.casRegister(null), JEPSEN));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
    assertTrue(e.getMessage().endsWith("."), e.getMessage());
  }

  /**
   * Many concurrent writes, each value written twice (so that no shortcut applies), then two reads
   * that no order explains (0, then 1, though every write ended before the first read began): the
   * search must try the orders of the writes.
   */
  static List<Op> hard(int writers) {
    List<Op> ops = new ArrayList<>();
    for (int p = 0; p < writers; p++) {
      ops.add(Op.invoke(p, "write", null, (long) (p % (writers / 2)), -1));
    }
    for (int p = 0; p < writers; p++) {
      ops.add(Op.ok(p, "write", null, (long) (p % (writers / 2)), -1));
    }
    for (long v = 0; v < 2; v++) {
      ops.add(Op.invoke(writers, "read", null, null, -1));
      ops.add(Op.ok(writers, "read", null, v, -1));
    }
    return ops;
  }

  @Test
  void aCheckThatRunsOutOfTimeIsUnknownAndSaysWhy() {
    CheckResult r =
        Linearizability.check(
            hard(40), Models.register(null), JEPSEN.withTimeLimit(Duration.ofMillis(100)));
    assertEquals(Verdict.UNKNOWN, r.verdict());
    assertTrue(r.reason().contains("time limit"), r.reason());
  }

  @Test
  void aCheckThatReachesItsMemoryCapIsUnknownAndSaysWhy() {
    CheckResult r =
        Linearizability.check(hard(40), Models.register(null), JEPSEN.withMaxMemoEntries(10_000));
    assertEquals(Verdict.UNKNOWN, r.verdict());
    assertTrue(r.reason().contains("memory cap"), r.reason());
    assertTrue(r.configurations() <= 10_000 + 64, "configurations " + r.configurations());
  }
}
