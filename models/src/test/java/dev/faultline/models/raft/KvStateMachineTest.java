package dev.faultline.models.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KvStateMachineTest {
  private final KvStateMachine machine = new KvStateMachine();
  private long offset;

  private KvStateMachine.Result apply(Command c) {
    return machine.apply(new LogEntry(offset++, 1, c));
  }

  @Test
  void aRetriedWriteAppliesOnceAndAnswersItsFirstResult() {
    apply(new Command.Put(7, 1, 0, 100));
    apply(new Command.Cas(7, 2, 0, 100, 200));
    apply(new Command.Put(8, 1, 0, 300));
    KvStateMachine.Result retry = apply(new Command.Cas(7, 2, 0, 100, 200));
    assertEquals(KvMessage.Status.OK, retry.status());
    assertEquals(300L, machine.read(0), "the retried cas must not apply a second time");
  }

  @Test
  void aCasWhoseExpectationFailsChangesNothingAndReportsTheCurrentValue() {
    apply(new Command.Put(7, 1, 0, 100));
    KvStateMachine.Result r = apply(new Command.Cas(8, 1, 0, 999, 5));
    assertEquals(KvMessage.Status.CAS_MISMATCH, r.status());
    assertEquals(100L, r.value());
    assertEquals(100L, machine.read(0));
  }

  @Test
  void aCasOnAnAbsentKeyFails() {
    KvStateMachine.Result r = apply(new Command.Cas(8, 1, 2, 1, 5));
    assertEquals(KvMessage.Status.CAS_MISMATCH, r.status());
    assertNull(machine.read(2));
  }

  @Test
  void anOlderCommandOfASessionIsIgnoredAndStartOfEpochEntriesHaveNoResult() {
    apply(new Command.Put(7, 2, 0, 100));
    assertNull(apply(new Command.Put(7, 1, 0, 50)));
    assertNull(apply(new Command.LeaderChange(3)));
    assertEquals(100L, machine.read(0));
    assertEquals(3, machine.appliedOffset());
  }
}
