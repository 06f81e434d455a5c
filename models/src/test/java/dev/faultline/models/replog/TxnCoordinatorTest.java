package dev.faultline.models.replog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's EndTxn rules, driven by a scripted client: a copy of the first transaction's
 * EndTxn(commit) that arrives while the second transaction is open commits the second under
 * transaction version 0 (the delayed-EndTxn problem of KAFKA-17754) and is fenced under version 2.
 */
class TxnCoordinatorTest {
  private static final String ID = "txn-1";

  /** Sends its requests one after the other, each once the previous is answered. */
  private static final class ScriptedClient implements Node {
    private final int broker;
    private final List<ErrorCode> answers = new ArrayList<>();
    private long producerId;
    private int epoch;
    private int step;
    private ReplogMessage.EndTxn firstCommit;

    ScriptedClient(int broker) {
      this.broker = broker;
    }

    @Override
    public void start(NodeContext ctx) {
      ctx.setTimer(500_000, "go"); // the brokers have elected leaders by then
    }

    @Override
    public void onTimer(NodeContext ctx, Object tag) {
      if (tag.equals("go")) {
        ctx.send(broker, new ReplogMessage.InitTxnProducerId(1, ID, 10_000_000));
      } else {
        ctx.send(broker, add(4, List.of(0)));
      }
    }

    @Override
    public void onMessage(NodeContext ctx, int from, Message m) {
      if (m instanceof ReplogMessage.InitTxnProducerIdResponse r) {
        producerId = r.producerId();
        epoch = r.producerEpoch();
        answers.add(r.error());
        ctx.send(broker, add(2, List.of(0)));
      } else if (m instanceof ReplogMessage.AddPartitionsToTxnResponse r) {
        if (r.error() == ErrorCode.CONCURRENT_TRANSACTIONS) {
          ctx.setTimer(50_000, "retry"); // the first transaction's markers are still going out
          return;
        }
        answers.add(r.error());
        if (step++ == 0) {
          firstCommit = new ReplogMessage.EndTxn(3, ID, producerId, epoch, true);
          ctx.send(broker, firstCommit);
        } else {
          // The second transaction is open: the first commit's late copy arrives now.
          ctx.send(
              broker,
              new ReplogMessage.EndTxn(5, ID, producerId, firstCommit.producerEpoch(), true));
        }
      } else if (m instanceof ReplogMessage.EndTxnResponse r) {
        answers.add(r.error());
        if (r.requestId() == 3) {
          epoch = r.producerEpoch(); // version 2 hands out the bumped epoch
          ctx.send(broker, add(4, List.of(0)));
        }
      }
    }

    private ReplogMessage.AddPartitionsToTxn add(long id, List<Integer> partitions) {
      return new ReplogMessage.AddPartitionsToTxn(id, ID, producerId, epoch, partitions, false);
    }
  }

  /** The coordinator's state once the script ran, and the answers the client got. */
  private static List<Object> run(int transactionVersion) {
    ReplogConfig config =
        new ReplogConfig(
            3,
            3,
            2,
            3,
            2,
            200_000,
            false,
            false,
            false,
            40_000,
            300_000,
            20_000,
            100_000,
            500,
            new TxnConfig(1, transactionVersion, 100_000, 50_000));
    Simulation sim = new Simulation(SimConfig.of(1).withBounds(3_000_000, 5_000_000));
    for (int b = 1; b <= 3; b++) {
      sim.addNode("b" + b, () -> new Broker(config));
    }
    sim.addNode("ctl", () -> new Controller(config));
    int coordinator = config.replicas(config.txnStatePartition(ID)).get(0);
    int client = sim.addNode("client", () -> new ScriptedClient(coordinator));
    sim.runUntil(2_000_000);
    Broker b = (Broker) sim.node(coordinator);
    return List.of(b.coordinatorState(ID).state(), ((ScriptedClient) sim.node(client)).answers);
  }

  @Test
  void underVersionZeroALateEndTxnCommitsTheNextTransaction() {
    List<Object> out = run(0);
    assertEquals(TxnState.COMPLETE_COMMIT, out.get(0));
    assertEquals(
        List.of(ErrorCode.NONE, ErrorCode.NONE, ErrorCode.NONE, ErrorCode.NONE, ErrorCode.NONE),
        out.get(1));
  }

  @Test
  void underVersionTwoALateEndTxnIsFencedAndTheNextTransactionStaysOpen() {
    List<Object> out = run(2);
    assertEquals(TxnState.ONGOING, out.get(0));
    assertEquals(
        List.of(
            ErrorCode.NONE,
            ErrorCode.NONE,
            ErrorCode.NONE,
            ErrorCode.NONE,
            ErrorCode.PRODUCER_FENCED),
        out.get(1));
  }
}
