package dev.faultline.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.sim.fault.FaultSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fault schedule a run prints, parsed back and given with {@code --schedule}, replays the run
 * to the identical trace hash: for every scenario at its defaults, and for the configurations whose
 * nemeses react to the cluster (raft-kv's leader and election nemeses, kafka-produce's and
 * dynamo-kv's forced faults).
 */
class ScheduleReplayTest {
  private static final int SEEDS = 20;

  @Test
  void everyPrintedScheduleReplaysToTheSameTraceHash() {
    List<String[]> configurations = new ArrayList<>();
    for (Scenario s : ScenarioRegistry.all()) {
      configurations.add(new String[] {s.name()});
    }
    configurations.add(new String[] {"raft-kv", "election-fault-rate=0.8", "faults=all"});
    for (String f :
        List.of("leader-crash", "leader-isolated", "loss", "timeout-retry", "producer-pause")) {
      configurations.add(new String[] {"kafka-produce", "fault=" + f});
    }
    configurations.add(
        new String[] {
          "kafka-produce", "fault=two-failovers", "max-down=2", "bug=truncate-to-high-watermark"
        });
    configurations.add(new String[] {"kafka-produce", "fault=leader-crash", "stale-replica=true"});
    for (String f : List.of("partition", "replica-crash", "clock-skew")) {
      configurations.add(new String[] {"dynamo-kv", "fault=" + f});
    }
    for (String[] c : configurations) {
      Scenario s = ScenarioRegistry.find(c[0]).orElseThrow();
      Map<String, String> set = new TreeMap<>();
      for (int i = 1; i < c.length; i++) {
        set.put(c[i].split("=")[0], c[i].split("=")[1]);
      }
      Knobs k = Knobs.resolve(s, set);
      int faults = 0;
      for (long seed = 1; seed <= SEEDS; seed++) {
        ScenarioResult first = ScenarioRunner.run(s, RunSpec.of(seed, k));
        FaultSchedule printed = FaultSchedule.parse(first.schedule().print());
        ScenarioResult again = ScenarioRunner.run(s, RunSpec.of(seed, k).withSchedule(printed));
        String where = first.replayCommand() + " (" + first.schedule().size() + " faults) replayed";
        assertEquals(first.trace().hashHex(), again.trace().hashHex(), where);
        assertEquals(first.schedule().print(), again.schedule().print(), where);
        assertEquals(first.status(), again.status(), where);
        faults += first.schedule().size();
      }
      assertTrue(faults > 0, String.join(" ", c) + " applied no fault in " + SEEDS + " seeds");
    }
  }
}
