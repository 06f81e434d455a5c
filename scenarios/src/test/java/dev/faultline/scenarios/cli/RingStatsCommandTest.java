package dev.faultline.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RingStatsCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Faultline.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** The figures of the table row that starts with {@code scheme}. */
  private static List<Double> row(String out, String scheme) {
    String line =
        out.lines()
            .filter(l -> l.startsWith(scheme + " "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row " + scheme + " in:\n" + out));
    return java.util.Arrays.stream(line.substring(scheme.length()).trim().split("\\s+"))
        .map(Double::parseDouble)
        .toList();
  }

  @Test
  void printsOneAlignedRowPerVnodeCountThenModN() {
    Run r =
        run("ring-stats", "--nodes", "10", "--vnodes", "1,100", "--keys", "20000", "--trials", "5");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("10 nodes, 20000 keys"), r.out());
    assertTrue(r.out().contains("means of 5 placements"), r.out());
    List<String> table = r.out().lines().filter(l -> l.matches("^(scheme|v=|mod-N).*")).toList();
    assertEquals(4, table.size(), r.out());
    assertTrue(table.get(0).startsWith("scheme"));
    assertTrue(table.stream().allMatch(l -> l.length() == table.get(0).length()), "aligned");
    List<Double> v100 = row(r.out(), "v=100");
    assertEquals(7, v100.size());
    assertEquals(2000.0, v100.get(1), 1e-9, "mean load is keys/nodes");
    assertTrue(v100.get(3) < 0.2, "CV at v=100 is small");
    List<Double> modN = row(r.out(), "mod-N");
    assertTrue(modN.get(5) > 0.8, "mod-N moves most keys on a join");
    assertTrue(row(r.out(), "v=100").get(5) < 0.2, "the ring moves few");
  }

  @Test
  void epsilonAddsBoundedColumnsThatStayWithinOnePlusEpsilon() {
    Run r =
        run(
            "ring-stats",
            "--vnodes",
            "1,10",
            "--keys",
            "10000",
            "--trials",
            "3",
            "--epsilon",
            "0.25");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("room ceil((1+0.25)*10000/10) = 1250 keys per node"), r.out());
    for (String scheme : List.of("v=1", "v=10")) {
      List<Double> figures = row(r.out(), scheme);
      assertEquals(10, figures.size(), r.out());
      assertTrue(figures.get(7) <= 1.25, scheme + " bounded max/mean");
    }
    assertTrue(row(r.out(), "v=1").get(4) > 1.25, "unbounded v=1 is skewed");
  }

  @Test
  void sameArgumentsPrintTheSameTable() {
    String[] args = {"ring-stats", "--vnodes", "7", "--keys", "3000", "--trials", "2"};
    assertEquals(run(args).out(), run(args).out());
  }

  @Test
  void badArgumentsAreOneSentenceAndExitTwo() {
    for (String[] args :
        List.of(
            new String[] {"ring-stats", "--nodes", "0"},
            new String[] {"ring-stats", "--nodes", "1"},
            new String[] {"ring-stats", "--vnodes", "10,-1"},
            new String[] {"ring-stats", "--vnodes", "0"},
            new String[] {"ring-stats", "--vnodes", ""},
            new String[] {"ring-stats", "--vnodes", "ten"},
            new String[] {"ring-stats", "--keys", "0"},
            new String[] {"ring-stats", "--trials", "0"},
            new String[] {"ring-stats", "--epsilon", "-0.5"},
            new String[] {"ring-stats", "--epsilon", "NaN"},
            new String[] {"ring-stats", "--nodes", "1000", "--vnodes", "100000"})) {
      Run r = run(args);
      String what = String.join(" ", args);
      assertEquals(ExitCodes.USAGE, r.code(), what + "\n" + r.err());
      String first = r.err().lines().findFirst().orElse("");
      assertTrue(first.startsWith("error: ") && first.endsWith("."), what + ": " + first);
      assertFalse(r.err().contains("Exception"), what + ": " + r.err());
      assertTrue(r.out().isEmpty(), what + " printed no table");
    }
  }

  @Test
  void errorsNameTheOptionAtFault() {
    assertTrue(run("ring-stats", "--nodes", "0").err().contains("--nodes"));
    assertTrue(run("ring-stats", "--vnodes", "-3").err().contains("--vnodes"));
    assertTrue(
        run("ring-stats", "--epsilon", "-1").err().toLowerCase(Locale.ROOT).contains("--epsilon"));
  }
}
