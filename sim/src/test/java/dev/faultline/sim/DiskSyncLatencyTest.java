package dev.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.sim.net.LatencyModel;
import dev.faultline.sim.net.NetworkConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiskSyncLatencyTest {
  record Note(long n) implements Message {}

  /** Node 0 writes, syncs and then sends at start; node 1 records when things reach it. */
  static final class Writer implements Node {
    final List<Long> seenAt = new ArrayList<>();

    @Override
    public void start(NodeContext ctx) {
      if (ctx.self() == 0) {
        ctx.disk().put("k", 1L);
        ctx.disk().sync();
        ctx.send(1, new Note(ctx.nowMicros()));
      } else {
        ctx.send(0, new Note(0));
      }
    }

    @Override
    public void onMessage(NodeContext ctx, int from, Message m) {
      seenAt.add(ctx.nowMicros());
      seenAt.add(((Note) m).n());
    }

    @Override
    public void onTimer(NodeContext ctx, Object tag) {}
  }

  private static Simulation run(LatencyModel sync) {
    Simulation sim =
        new Simulation(
            SimConfig.of(3)
                .withNetwork(NetworkConfig.lan().withLatency(new LatencyModel.Fixed(1_000)))
                .withDiskSyncLatency(sync));
    sim.addNode("a", Writer::new);
    sim.addNode("b", Writer::new);
    sim.runUntil(100_000);
    return sim;
  }

  @Test
  void aNodeThatSyncsSendsAfterTheSyncAndHandlesNothingBeforeItEnds() {
    Simulation sim = run(new LatencyModel.Fixed(5_000));
    // The note leaves when the 5 ms sync ends and takes 1 ms; it carries the writer's clock.
    assertEquals(List.of(6_000L, 5_000L), ((Writer) sim.node(1)).seenAt);
    // b's note reaches a at 1 ms, while a waits for its disk: a handles it when the sync ends.
    assertEquals(5_000L, ((Writer) sim.node(0)).seenAt.get(0));
  }

  @Test
  void withoutASyncLatencyNothingWaits() {
    Simulation sim = run(null);
    assertEquals(List.of(1_000L, 0L), ((Writer) sim.node(1)).seenAt);
    assertEquals(1_000L, ((Writer) sim.node(0)).seenAt.get(0));
  }
}
