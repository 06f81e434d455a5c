package dev.faultline.scenarios.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.Rules;
import dev.faultline.checker.linear.CheckOptions;
import dev.faultline.checker.linear.Linearizability;
import dev.faultline.checker.linear.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sibling reads as the linearizability checker sees them. */
class SiblingRegisterTest {
  private static Verdict check(Op... history) {
    return Linearizability.check(
            List.of(history),
            new SiblingRegister(),
            CheckOptions.defaults().withRules(Rules.PORCUPINE))
        .verdict();
  }

  @Test
  void aSiblingReadHoldingTheLatestWriteIsLinearizable() {
    assertEquals(
        Verdict.LINEARIZABLE,
        check(
            Op.invoke(1, "write", "k", 1L, 0),
            Op.ok(1, "write", "k", 1L, 10),
            Op.invoke(2, "write", "k", 2L, 20),
            Op.ok(2, "write", "k", 2L, 30),
            Op.invoke(1, "read", "k", null, 40),
            Op.ok(1, "read", "k", List.of(1L, 2L), 50)));
  }

  @Test
  void aSiblingReadMissingTheLatestWriteIsStale() {
    assertEquals(
        Verdict.NOT_LINEARIZABLE,
        check(
            Op.invoke(1, "write", "k", 1L, 0),
            Op.ok(1, "write", "k", 1L, 10),
            Op.invoke(2, "write", "k", 2L, 20),
            Op.ok(2, "write", "k", 2L, 30),
            Op.invoke(3, "write", "k", 3L, 35),
            Op.ok(3, "write", "k", 3L, 38),
            Op.invoke(1, "read", "k", null, 40),
            Op.ok(1, "read", "k", List.of(1L, 2L), 50)));
  }

  @Test
  void aNilReadAfterAnAcknowledgedWriteIsStale() {
    assertEquals(
        Verdict.NOT_LINEARIZABLE,
        check(
            Op.invoke(1, "write", "k", 1L, 0),
            Op.ok(1, "write", "k", 1L, 10),
            Op.invoke(2, "read", "k", null, 20),
            Op.ok(2, "read", "k", null, 30)));
  }
}
