package dev.faultline.sim.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.sim.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A schedule is checked when it is parsed: magnitudes, groups and words, each by its line. */
class ScheduleValidationTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "1s jitter 9223372036854775807us",
        "1s jitter 3600000001us",
        "1s jitter -1us",
        "1s skew n1 +0us +1000000000000000000ppm",
        "1s skew n1 +0us -1000000ppm",
        "1s skew n1 +9223372036854775807us +0ppm",
        "1s clog n1->n2 99999999999us",
        "1s loss 1e999",
        "1s loss NaN",
        "1s duplicate -0.5",
        "9223372036854775807s crash n1",
        "1000001s crash n1",
        "1s partition halves n1,n1|n1",
        "1s partition halves n1,n2|n2,n3",
        "1s partition ring n1",
        "1s partition ring n1,n2,n3",
        "1s partition isolate n1,n2|n3",
        "1s partition halves n1,|n2",
        "1s crash n1 n2",
        "1s heal now",
        "1s skew n1 +0us +0ppm extra",
        "1s partition halves n1|n2 n3",
      })
  void magnitudesGroupsAndExtraWordsAreRefusedNamingTheLine(String line) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FaultSchedule.parse("# header\n" + line + "\n"));
    assertTrue(e.getMessage().startsWith("fault schedule line 2 "), e.getMessage());
  }

  @Test
  void valuesAtTheBoundsParse() {
    FaultSchedule s =
        FaultSchedule.parse(
            "1s jitter 3600000000us\n"
                + "1s skew n1 -3600000000us -999999ppm\n"
                + "1s skew n2 +3600000000us +999999ppm\n"
                + "1000000s heal\n"
                + "1s partition ring n1,n2,n3,n4\n");
    assertEquals(s, FaultSchedule.parse(s.print()));
  }

  @Test
  void aOneWayCutFromSeveralNodesCutsEachOfThem() {
    Fault.Partition p =
        (Fault.Partition)
            FaultSchedule.parse("1s partition one-way n1,n2->n3").faults().get(0).fault();
    Set<String> links = new TreeSet<>();
    p.shape().forEachBlockedLink(p.groups(), (a, b) -> links.add(a + ">" + b));
    assertEquals(Set.of("n1>n3", "n2>n3"), links);
    assertEquals("partition one-way n1,n2->n3", p.print());
  }

  @Test
  void generatedClockSkewEpisodesNeverOverlapOnOneNode() {
    List<String> nodes = List.of("n1", "n2", "n3");
    FaultRates skewOnly =
        new FaultRates(
            Set.of(FaultKind.SKEW), false, 100_000, 1_000_000, 1, 200_000, 500, 0, 0, 0, 0);
    int episodes = 0;
    for (long seed = 1; seed <= 20; seed++) {
      FaultSchedule s =
          new FaultGenerator(skewOnly).generate(RandomStream.of(seed, "f"), nodes, 0, 20_000_000);
      Map<String, Boolean> skewed = new TreeMap<>();
      for (TimedFault f : s.faults()) {
        Fault.Skew k = (Fault.Skew) f.fault();
        boolean reset = k.offsetMicros() == 0 && k.driftPpm() == 0;
        boolean was = skewed.getOrDefault(k.node(), false);
        assertTrue(reset || !was, "seed " + seed + ": " + k.node() + " skewed twice:\n" + s);
        skewed.put(k.node(), !reset);
        episodes += reset ? 0 : 1;
      }
    }
    assertTrue(episodes > 40, "the generator still draws skew episodes: " + episodes);
  }

  @Test
  void aScheduleLineWithAWrongWordCountSaysWhatItTakes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FaultSchedule.parse("1s crash n1 n2"));
    assertTrue(e.getMessage().contains("unexpected 'n2'"), e.getMessage());
    List<String> ok = new ArrayList<>();
    for (TimedFault f : FaultSchedule.parse("1s crash   n1  \n").faults()) {
      ok.add(f.print());
    }
    assertEquals(List.of("1.000000s crash n1"), ok);
  }
}
