package dev.faultline.sim.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.sim.RandomStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

  @Test
  void everyGeneratedSchedulePrintsAndParsesBackToItself() {
    for (boolean swarm : new boolean[] {false, true}) {
      FaultGenerator g = new FaultGenerator(FaultRates.defaults().withSwarm(swarm));
      for (long seed = 1; seed <= 200; seed++) {
        FaultSchedule s = g.generate(RandomStream.of(seed, "f"), NODES, 0, 30_000_000);
        assertEquals(s, FaultSchedule.parse(s.print()), "seed " + seed + ":\n" + s.print());
      }
    }
  }

  @Test
  void generatorEndsEveryEpisodeWithinTheWindow() {
    FaultGenerator g = new FaultGenerator(FaultRates.defaults());
    for (long seed = 1; seed <= 100; seed++) {
      FaultSchedule s = g.generate(RandomStream.of(seed, "f"), NODES, 0, 10_000_000);
      Set<String> down = new TreeSet<>();
      boolean partitioned = false;
      for (TimedFault f : s.faults()) {
        assertTrue(f.atMicros() <= 10_000_000);
        Fault x = f.fault();
        if (x instanceof Fault.Crash c) {
          assertTrue(down.add(c.node()), "crashes a node already down");
        } else if (x instanceof Fault.Pause p) {
          assertTrue(down.add(p.node()));
        } else if (x instanceof Fault.Restart r) {
          down.remove(r.node());
        } else if (x instanceof Fault.Resume r) {
          down.remove(r.node());
        } else if (x instanceof Fault.Partition) {
          partitioned = true;
        } else if (x instanceof Fault.Heal) {
          partitioned = false;
        }
        assertTrue(down.size() <= 1, "at most max-down nodes down at once");
      }
      assertTrue(down.isEmpty(), "seed " + seed + " left nodes down");
      assertFalse(partitioned, "seed " + seed + " left a partition in force");
    }
  }

  @Test
  void swarmModeSwitchesWholeFamiliesOffPerSeed() {
    FaultGenerator g = new FaultGenerator(FaultRates.defaults().withSwarm(true));
    Set<Integer> familyCounts = new TreeSet<>();
    for (long seed = 1; seed <= 50; seed++) {
      FaultSchedule s = g.generate(RandomStream.of(seed, "f"), NODES, 0, 60_000_000);
      Set<String> families = new TreeSet<>();
      for (TimedFault f : s.faults()) {
        families.add(f.fault().print().split(" ")[0]);
      }
      familyCounts.add(families.size());
    }
    assertTrue(familyCounts.size() >= 4, "seeds differ in how many families they use");
  }

  @Test
  void noKindsMeansNoFaults() {
    FaultGenerator g = new FaultGenerator(FaultRates.none());
    assertTrue(g.generate(RandomStream.of(1, "f"), NODES, 0, 60_000_000).isEmpty());
  }

  @Test
  void parseNamesTheLineOfAMistake() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FaultSchedule.parse("1.000000s crash n1\n\n2.5s explode n2\n"));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown fault 'explode'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FaultSchedule.parse("soon crash n1"));
    assertThrows(
        IllegalArgumentException.class, () -> FaultSchedule.parse("1s partition moon a|b"));
  }

  @Test
  void partitionShapesCutTheLinksTheirNamesPromise() {
    assertEquals(Set.of("n1>n2", "n2>n1", "n1>n3", "n3>n1"), cut("1s partition isolate n1|n2,n3"));
    assertEquals(Set.of("n1>n3", "n3>n1", "n2>n3", "n3>n2"), cut("1s partition halves n1,n2|n3"));
    assertEquals(
        Set.of("n1>n4", "n4>n1", "n1>n5", "n5>n1", "n2>n4", "n4>n2", "n2>n5", "n5>n2"),
        cut("1s partition bridge n1,n2|n3|n4,n5"));
    assertEquals(Set.of("n1>n2", "n1>n3"), cut("1s partition one-way n1->n2,n3"));
    // Majorities ring of 5: each node keeps its two ring neighbours, a majority with itself.
    Set<String> ring = cut("1s partition ring n1,n2,n3,n4,n5");
    assertEquals(10, ring.size());
    assertTrue(ring.contains("n1>n3") && !ring.contains("n1>n2") && !ring.contains("n1>n5"));
  }

  @Test
  void emptySchedulesAndCommentsParse() {
    assertTrue(FaultSchedule.parse("# nothing\n\n").isEmpty());
    FaultSchedule s = FaultSchedule.parse("2s heal\n1.5s crash n1\n");
    assertEquals(
        List.of(1_500_000L, 2_000_000L), s.faults().stream().map(TimedFault::atMicros).toList());
    assertEquals(EnumSet.allOf(FaultKind.class), FaultRates.defaults().kinds());
  }

  private static Set<String> cut(String line) {
    Fault.Partition p = (Fault.Partition) FaultSchedule.parse(line).faults().get(0).fault();
    List<String> links = new ArrayList<>();
    p.shape().forEachBlockedLink(p.groups(), (a, b) -> links.add(a + ">" + b));
    assertEquals(links.size(), new TreeSet<>(links).size(), "no link listed twice");
    return new TreeSet<>(links);
  }
}
