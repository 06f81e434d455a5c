package dev.faultline.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pre-check for reads of a value whose only writer has certainly been overwritten: it decides
 * the stale reads, lost writes and impossible cas planted in the middle of wide histories, and it
 * never calls a linearizable history not linearizable (against the brute-force oracle).
 */
class OverwrittenReadsTest {
  /** Crashed writes that stay open, then a stale read behind concurrent traffic. */
  private static List<Op> staleReadBehindCrashes() {
    List<Op> h = new ArrayList<>();
    for (int p = 10; p < 16; p++) {
      h.add(Op.invoke(p, "write", null, (long) (p % 3), -1));
      h.add(Op.info(p, "write", null, (long) (p % 3), -1));
    }
    h.add(Op.invoke(1, "write", null, 100L, -1));
    h.add(Op.invoke(2, "read", null, null, -1));
    h.add(Op.ok(1, "write", null, 100L, -1));
    h.add(Op.invoke(1, "write", null, 101L, -1));
    h.add(Op.ok(2, "read", null, 1L, -1));
    h.add(Op.ok(1, "write", null, 101L, -1));
    h.add(Op.invoke(3, "read", null, null, -1));
    h.add(Op.ok(3, "read", null, 100L, -1));
    h.add(Op.invoke(4, "cas", null, List.of(2L, 0L), -1));
    h.add(Op.ok(4, "cas", null, List.of(2L, 0L), -1));
    return h;
  }

  @Test
  void aReadOfAnOverwrittenSingleWriterValueIsNotLinearizableAndNamedAsTheBlockedOperation() {
    CheckResult r =
        Linearizability.check(
            staleReadBehindCrashes(), Models.casRegister(null), CheckOptions.defaults());
    assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict());
    Counterexample c = r.counterexample();
    assertEquals(3, c.blocked().process());
    assertEquals(100L, c.blocked().value());
    assertEquals(List.of(100L, 101L), c.prefix().stream().map(Operation::value).toList());
    assertEquals(List.of("101"), c.candidateStates());
  }

  @Test
  void aValueWithASecondWriterOrAnOpenWriterIsLeftToTheSearch() {
    List<Op> h = new ArrayList<>(staleReadBehindCrashes());
    // A crashed write of 100 may take effect after 101: the read is then explained.
    h.add(0, Op.invoke(20, "write", null, 100L, -1));
    h.add(1, Op.info(20, "write", null, 100L, -1));
    assertEquals(null, OverwrittenReads.find(compile(h, Rules.JEPSEN)));
    CheckResult r = Linearizability.check(h, Models.casRegister(null), CheckOptions.defaults());
    assertEquals(Verdict.LINEARIZABLE, r.verdict());
  }

  @Test
  void neverRefutesAHistoryTheBruteForceSearchLinearizes() {
    int found = 0;
    int seed = 11;
    for (Rules rules : new Rules[] {Rules.JEPSEN, Rules.PORCUPINE}) {
      Random random = new Random(seed++);
      for (int i = 0; i < 10_000; i++) {
        List<Op> history = RandomHistories.register(random, true, 11, 4, 5);
        RegisterHistory compiled = compile(history, rules);
        if (OverwrittenReads.find(compiled) != null) {
          found++;
          assertFalse(
              OracleTest.BruteForce.linearizable(history, rules),
              () -> rules + ", history:\n" + OracleTest.show(history));
        }
      }
    }
    assertTrue(found > 100, "the pre-check fired on " + found + " histories");
  }

  private static RegisterHistory compile(List<Op> history, Rules rules) {
    Pairing.Paired p =
        Pairing.pair(history, Models.casRegister(null), rules, System.nanoTime() + (1L << 50));
    return new RegisterHistory(p.ops().toArray(new Operation[0]), null);
  }
}
