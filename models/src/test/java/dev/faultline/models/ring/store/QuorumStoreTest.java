package dev.faultline.models.ring.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.models.ring.Ring;
import dev.faultline.models.ring.store.StoreConfig.Quorum;
import dev.faultline.models.ring.store.StoreConfig.ReadRepair;
import dev.faultline.models.ring.store.StoreConfig.Versioning;
import dev.faultline.models.ring.store.StoreMessage.Put;
import dev.faultline.models.ring.store.StoreMessage.PutReply;
import dev.faultline.models.ring.store.StoreMessage.Status;
import dev.faultline.sim.Message;
import dev.faultline.sim.Node;
import dev.faultline.sim.NodeContext;
import dev.faultline.sim.SimConfig;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.PartitionShape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store's quorum, handoff and versioning rules, on five servers and one scripted client. */
class QuorumStoreTest {
  private static final String KEY = "k1";
  private static final List<String> SERVERS = List.of("n1", "n2", "n3", "n4", "n5");

  /** A client that sends scripted puts at fixed times and keeps the replies. */
  private static final class Driver implements Node {
    record Planned(long atMicros, String to, long value) {}

    final List<Planned> plan;
    final List<PutReply> replies = new ArrayList<>();

    Driver(List<Planned> plan) {
      this.plan = plan;
    }

    @Override
    public void start(NodeContext ctx) {
      for (int i = 0; i < plan.size(); i++) {
        ctx.setTimer(plan.get(i).atMicros(), i);
      }
    }

    @Override
    public void onTimer(NodeContext ctx, Object tag) {
      Planned p = plan.get((Integer) tag);
      VectorClock clock = VectorClock.empty();
      for (long i = 0; i <= (Integer) tag; i++) {
        clock = clock.increment("d");
      }
      ctx.send(ctx.idOf(p.to()), new Put((Integer) tag, KEY, p.value(), clock));
    }

    @Override
    public void onMessage(NodeContext ctx, int from, Message message) {
      if (message instanceof PutReply r) {
        replies.add(r);
      }
    }
  }

  private static StoreConfig config(Quorum quorum, Versioning versioning) {
    return new StoreConfig(
        Ring.of(SERVERS, 8),
        3,
        2,
        2,
        quorum,
        versioning,
        ReadRepair.BLOCKING,
        20_000,
        100_000,
        50_000);
  }

  private static Simulation world(StoreConfig cfg, Driver driver) {
    Simulation sim = new Simulation(SimConfig.of(7));
    for (String s : SERVERS) {
      sim.addNode(s, () -> new StoreServer(cfg));
    }
    sim.addNode("d", () -> driver);
    return sim;
  }

  /** The coordinator's side: one home replica, the first stand-in, the driver; the rest apart. */
  private static Fault.Partition oneOfThreeHomes(StoreConfig cfg) {
    List<String> extended = cfg.extendedPreferenceList(KEY);
    List<String> a = List.of(extended.get(0), extended.get(3), "d");
    List<String> b = List.of(extended.get(1), extended.get(2), extended.get(4));
    return new Fault.Partition(PartitionShape.HALVES, List.of(a, b));
  }

  private static List<Long> values(Simulation sim, String server) {
    return ((StoreServer) sim.node(sim.idOf(server)))
        .versions(KEY).stream().map(Version::value).toList();
  }

  @Test
  void strictQuorumTimesOutAPartlyAppliedWriteThenRefusesTheNextBeforeSendingIt() {
    StoreConfig cfg = config(Quorum.STRICT, Versioning.VCLOCK);
    String home = cfg.homes(KEY).get(0);
    Driver d =
        new Driver(
            List.of(new Driver.Planned(100_000, home, 11), new Driver.Planned(400_000, home, 12)));
    Simulation sim = world(cfg, d);
    sim.at(50_000, () -> sim.apply(oneOfThreeHomes(cfg)));
    sim.runUntil(600_000);
    assertEquals(Status.TIMEOUT, d.replies.get(0).status());
    assertEquals(Status.UNAVAILABLE, d.replies.get(1).status());
    assertEquals(List.of(11L), values(sim, home), "the timed-out write reached the one home");
    for (String s : SERVERS) {
      assertTrue(!values(sim, s).contains(12L), s + " holds the refused write");
    }
  }

  @Test
  void sloppyQuorumWritesToAStandInThatHandsTheDataHomeAfterTheHeal() {
    StoreConfig cfg = config(Quorum.SLOPPY, Versioning.VCLOCK);
    List<String> extended = cfg.extendedPreferenceList(KEY);
    String standIn = extended.get(3);
    Driver d = new Driver(List.of(new Driver.Planned(100_000, extended.get(0), 11)));
    Simulation sim = world(cfg, d);
    sim.at(50_000, () -> sim.apply(oneOfThreeHomes(cfg)));
    sim.runUntil(300_000);
    assertEquals(Status.OK, d.replies.get(0).status());
    assertEquals(List.of(11L), values(sim, standIn));
    assertTrue(((StoreServer) sim.node(sim.idOf(standIn))).pendingHints() > 0);
    sim.apply(new Fault.Heal());
    sim.runUntil(1_000_000);
    // The coordinator's own home replica took the write; the stand-in's hint names one of the
    // other two, which must have it now. (The third home's stand-in was cut off too: nobody holds
    // a hint for it, so only a read repair would bring it the value.)
    long homesWithIt =
        cfg.homes(KEY).stream().filter(h -> values(sim, h).equals(List.of(11L))).count();
    assertEquals(2, homesWithIt, "the hinted home did not get the handoff");
    assertEquals(List.of(), values(sim, standIn), "the stand-in kept its copy");
    assertEquals(0, ((StoreServer) sim.node(sim.idOf(standIn))).pendingHints());
  }

  @Test
  void lastWriteWinsDropsALaterWriteStampedByAClockThatRunsBehind() {
    StoreConfig cfg = config(Quorum.STRICT, Versioning.LWW);
    String honest = cfg.homes(KEY).get(0);
    String behind = cfg.homes(KEY).get(1);
    Driver d =
        new Driver(
            List.of(
                new Driver.Planned(100_000, honest, 1), new Driver.Planned(200_000, behind, 2)));
    Simulation sim = world(cfg, d);
    sim.apply(new Fault.Skew(behind, -150_000, 0));
    sim.runUntil(500_000);
    assertEquals(Status.OK, d.replies.get(0).status());
    assertEquals(Status.OK, d.replies.get(1).status(), "the dropped write was acknowledged");
    for (String home : cfg.homes(KEY)) {
      assertEquals(List.of(1L), values(sim, home), home + " kept the later write");
    }
  }
}
