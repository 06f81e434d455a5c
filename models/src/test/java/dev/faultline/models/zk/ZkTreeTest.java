package dev.faultline.models.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.faultline.models.raft.LogEntry;
import org.junit.jupiter.api.Test;

class ZkTreeTest {
  private long offset;

  private ZkResult apply(ZkTree t, ZkOp.Write op) {
    return t.apply(new LogEntry(offset++, 1, op));
  }

  private ZkOp.SetPartitions leaderOfZero(int writerEpoch, int epochVersion, int expected) {
    return new ZkOp.SetPartitions(
        writerEpoch,
        epochVersion,
        new int[] {0},
        new int[] {expected},
        new int[] {1},
        new int[] {1},
        new int[] {0b110});
  }

  @Test
  void aSessionsEphemeralNodesGoWithItAndTheNextControllerGetsANewEpoch() {
    ZkTree t = new ZkTree(3);
    long a = ((ZkResult.Session) apply(t, new ZkOp.CreateSession(3, 600_000))).sessionId();
    long b = ((ZkResult.Session) apply(t, new ZkOp.CreateSession(4, 600_000))).sessionId();
    assertEquals(new ZkResult.ControllerEpoch(1, 1), apply(t, new ZkOp.BecomeController(a, 3, 0)));
    assertInstanceOf(ZkResult.NodeExists.class, apply(t, new ZkOp.BecomeController(b, 4, 1)));
    apply(t, new ZkOp.RegisterBroker(a, 2));
    assertEquals(1, ((ZkResult.Brokers) t.read(new ZkOp.ReadBrokers())).czxid()[2] >= 0 ? 1 : 0);
    apply(t, new ZkOp.CloseSession(a));
    assertEquals(-1, ((ZkResult.Brokers) t.read(new ZkOp.ReadBrokers())).czxid()[2]);
    assertEquals(-1, t.controllerNode());
    assertEquals(new ZkResult.ControllerEpoch(2, 2), apply(t, new ZkOp.BecomeController(b, 4, 1)));
  }

  @Test
  void aWriteCheckedAgainstAnOldControllerEpochIsRefusedAndAnUncheckedOneIsCountedAsAZombies() {
    ZkTree t = new ZkTree(3);
    apply(t, new ZkOp.CreateTopic(4, 3, 3));
    long a = ((ZkResult.Session) apply(t, new ZkOp.CreateSession(3, 600_000))).sessionId();
    apply(t, new ZkOp.BecomeController(a, 3, 0));
    apply(t, new ZkOp.CloseSession(a));
    long b = ((ZkResult.Session) apply(t, new ZkOp.CreateSession(4, 600_000))).sessionId();
    apply(t, new ZkOp.BecomeController(b, 4, 1)); // epoch 2, version 2
    assertInstanceOf(ZkResult.ControllerMoved.class, apply(t, leaderOfZero(1, 1, 0)));
    assertEquals(0, t.deposedWrites());
    assertEquals(new ZkResult.Written(new int[] {1}), apply(t, leaderOfZero(1, -1, 0)));
    assertEquals(1, t.deposedWrites(), "the old controller's unchecked write landed");
    assertEquals(new ZkResult.Written(new int[] {-1}), apply(t, leaderOfZero(2, 2, 0)));
  }
}
