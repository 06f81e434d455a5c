package dev.faultline.checker.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.format.HistoryFile;
import dev.faultline.checker.format.HistoryFormat;
import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import dev.faultline.checker.history.Rules;
import dev.faultline.checker.linear.CheckOptions;
import dev.faultline.checker.linear.Linearizability;
import dev.faultline.checker.linear.Models;
import dev.faultline.checker.linear.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WideHistoriesTest {
  private static final WideHistorySpec SPEC = WideHistorySpec.wide(2_000, 3);

  @Test
  void theSameSpecGivesTheSameHistoryAndAnotherSeedAnother() {
    assertEquals(WideHistories.mixed(SPEC), WideHistories.mixed(SPEC));
    WideHistorySpec other = WideHistorySpec.wide(2_000, 4);
    assertFalse(WideHistories.mixed(SPEC).equals(WideHistories.mixed(other)));
  }

  @Test
  void lateEffectsChangeOnlyWhenCrashedOperationsLandAndKeepTheHistoryLinearizable() {
    WideHistorySpec base =
        new WideHistorySpec(60, 2_000, 60, 25, 50, 30, false, false, 1000, 2000, 5);
    WideHistorySpec sameAsDefault =
        new WideHistorySpec(60, 2_000, 60, 25, 50, 30, false, false, 1000, 2000, 5, 0);
    WideHistorySpec late =
        new WideHistorySpec(60, 2_000, 60, 25, 50, 30, false, false, 1000, 2000, 5, 20_000);
    assertEquals(WideHistories.mixed(base), WideHistories.mixed(sameAsDefault));
    List<Op> lateOps = WideHistories.mixed(late);
    assertFalse(WideHistories.mixed(base).equals(lateOps), "reads see the late effects");
    assertEquals(Verdict.LINEARIZABLE, check(lateOps));
  }

  @Test
  void aHistoryHasTheEntriesAskedForAndCrashedProcessesAreReplaced() {
    List<Op> ops = WideHistories.mixed(SPEC);
    assertEquals(2_000, ops.size());
    Set<Long> crashed = new HashSet<>();
    int writesAndCas = 0;
    for (Op op : ops) {
      if (op.type() == OpType.INVOKE) {
        assertFalse(crashed.contains(op.process()), "a crashed process never invokes again");
        writesAndCas += op.f().equals("read") ? 0 : 1;
      } else if (op.type() == OpType.INFO) {
        crashed.add(op.process());
      }
    }
    // 10% of writes and cas crash; allow for chance.
    assertTrue(crashed.size() > writesAndCas / 20 && crashed.size() < writesAndCas / 5);
    Set<Long> processes = new HashSet<>();
    ops.forEach(op -> processes.add(op.process()));
    assertTrue(processes.size() > 60, "replaced processes have ids of their own");
  }

  @Test
  void aGeneratedHistoryIsLinearizableAndAPlantedStaleReadIsNot() {
    for (boolean unique : new boolean[] {false, true}) {
      WideHistorySpec spec = SPEC.withUnique(unique);
      assertEquals(Verdict.LINEARIZABLE, check(WideHistories.mixed(spec)));
      assertEquals(Verdict.NOT_LINEARIZABLE, check(WideHistories.mixed(spec.withViolation(true))));
    }
  }

  @Test
  void concurrentWritesContradictOnlyWhenAsked() {
    List<Op> ops = WideHistories.concurrentWrites(220, 120, true, 1);
    assertEquals(2 * (220 + 120) + 4, ops.size());
    assertEquals(120, ops.stream().filter(o -> o.type() == OpType.INFO).count());
    assertEquals(Verdict.NOT_LINEARIZABLE, check(ops));
    assertEquals(Verdict.LINEARIZABLE, check(WideHistories.concurrentWrites(220, 120, false, 1)));
  }

  @Test
  void everyFormatReadsBackAsTheSameHistory() throws IOException {
    List<Op> ops = WideHistories.mixed(WideHistorySpec.wide(300, 5));
    for (String format : HistoryText.FORMATS) {
      StringWriter text = new StringWriter();
      HistoryText.write(ops, format, text);
      HistoryFormat read = format.equals("porcupine") ? HistoryFormat.ETCD : null;
      HistoryFile file =
          HistoryFile.parse(
              text.toString(), "h." + (format.equals("jsonl") ? "jsonl" : "edn"), read);
      assertEquals(ops.size(), file.ops().size(), format);
      for (int i = 0; i < ops.size(); i++) {
        Op a = ops.get(i);
        Op b = file.ops().get(i);
        assertEquals(List.of(a.process(), a.type(), a.f()), List.of(b.process(), b.type(), b.f()));
        assertEquals(a.value(), b.value(), format + " entry " + i);
      }
      Rules rules = file.format().rules();
      Verdict v =
          Linearizability.check(
                  file.ops(), Models.casRegister(null), CheckOptions.defaults().withRules(rules))
              .verdict();
      assertEquals(Verdict.LINEARIZABLE, v, format);
    }
  }

  @Test
  void aSpecOutOfRangeIsRefusedWithASentence() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new WideHistorySpec(0, 10, 40, 35, 10, 10, false, false, 1000, 1000, 1));
    assertTrue(e.getMessage().startsWith("processes must be"), e.getMessage());
  }

  private static Verdict check(List<Op> ops) {
    return Linearizability.check(ops, Models.casRegister(null), CheckOptions.defaults()).verdict();
  }
}
