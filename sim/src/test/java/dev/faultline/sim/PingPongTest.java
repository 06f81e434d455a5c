package dev.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.sim.trace.TraceKind;
import org.junit.jupiter.api.Test;

class PingPongTest {
  record Ping(long n) implements Message {}

  static final class Bouncer implements Node {
    long received;

    @Override
    public void start(NodeContext ctx) {
      if (ctx.self() == 0) {
        ctx.send(1, new Ping(0));
      }
    }

    @Override
    public void onMessage(NodeContext ctx, int from, Message message) {
      received++;
      ctx.send(from, new Ping(((Ping) message).n() + 1));
    }

    @Override
    public void onTimer(NodeContext ctx, Object tag) {}
  }

  @Test
  void twoNodesBounceAMessageAndTheTraceHashRepeats() {
    long[] hashes = new long[2];
    for (int run = 0; run < 2; run++) {
      Simulation sim = new Simulation(SimConfig.of(7));
      sim.addNode("a", Bouncer::new);
      sim.addNode("b", Bouncer::new);
      sim.runUntil(1_000_000);
      assertTrue(sim.trace().count(TraceKind.DELIVER) > 100);
      assertEquals(sim.trace().count(TraceKind.SEND), sim.trace().count(TraceKind.DELIVER) + 1);
      hashes[run] = sim.trace().hash();
    }
    assertEquals(hashes[0], hashes[1]);
  }
}
