package dev.faultline.models.replog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.models.producer.ProducerClient;
import dev.faultline.models.producer.ProducerConfig;
import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.history.OpLog;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Three brokers, the controller and one producer, without the scenario layer: the leader crashes
 * mid-stream and comes back; the test compares what the producer was told with the log that
 * remains.
 */
class ReplogSimulationTest {
  private static final long STOP_MICROS = 1_000_000;

  /** The acknowledged records that the final leader's log does not hold at their offset. */
  private static Map<Long, Long> lostAfterLeaderCrash(long seed, int acks, boolean idempotence) {
    ReplogConfig config = ReplogConfig.defaults();
    Simulation sim = new Simulation(SimConfig.of(seed).withBounds(4_000_000, 5_000_000));
    for (int b = 1; b <= 3; b++) {
      sim.addNode("b" + b, () -> new Broker(config));
    }
    int ctl = sim.addNode("ctl", () -> new Controller(config));
    ProducerConfig pc =
        new ProducerConfig(
            acks,
            idempotence,
            100,
            5,
            2_000,
            8,
            600_000,
            150_000,
            20_000,
            5_000,
            1,
            0,
            STOP_MICROS,
            ctl);
    sim.addNode("p1", () -> new ProducerClient(pc, sim.history(), 1));
    for (var inv : ReplogInvariants.forConfig(config)) {
      sim.addInvariant(inv);
    }
    sim.runUntil(400_000);
    Controller c = (Controller) sim.node(ctl);
    String leader = sim.nameOf(c.state(0).leader());
    sim.apply(new Fault.Crash(leader));
    sim.runUntil(900_000);
    sim.apply(new Fault.Restart(leader));
    sim.runUntil(3_000_000);
    PartitionReplica finalLeader = ((Broker) sim.node(c.state(0).leader())).partition(0);
    Map<Long, Long> lost = new TreeMap<>();
    for (OpLog.Entry e : sim.history().entries()) {
      if (e.type() == OpLog.Type.OK && e.value() instanceof List<?> pair) {
        long offset = (Long) pair.get(0);
        long value = (Long) pair.get(1);
        ReplicaLog log = finalLeader.log();
        if (offset >= log.endOffset() || log.get(offset).value() != value) {
          lost.put(offset, value);
        }
      }
    }
    return lost;
  }

  @Test
  void acksAllKeepsEveryAcknowledgedRecordThroughALeaderCrash() {
    for (long seed = 1; seed <= 10; seed++) {
      assertEquals(
          Map.of(),
          lostAfterLeaderCrash(seed, -1, true),
          "seed " + seed + ": acknowledged records missing from the final log");
    }
  }

  @Test
  void acksOneLosesAcknowledgedRecordsWhenTheLeaderCrashes() {
    int seedsWithLoss = 0;
    for (long seed = 1; seed <= 10; seed++) {
      seedsWithLoss += lostAfterLeaderCrash(seed, 1, false).isEmpty() ? 0 : 1;
    }
    assertTrue(seedsWithLoss > 0, "acks=1 never lost a record in 10 leader crashes");
  }
}
