package dev.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The trace hash fingerprints what a run did: message contents, disk writes, client history. */
class TraceHashTest {
  enum Color {
    RED,
    GREEN
  }

  record Inner(String name, List<Inner> kids) implements Message {}

  record Note(
      int n,
      long big,
      String text,
      boolean flag,
      char letter,
      double ratio,
      Color color,
      byte[] bytes,
      int[] ints,
      long[] longs,
      List<String> list,
      Map<String, Integer> map,
      Optional<String> maybe,
      Inner inner)
      implements Message {}

  /** A message that is not a record and does not hash itself. */
  static final class Opaque implements Message {}

  record Holder(Object payload) implements Message {}

  /** What one run sends, writes to disk and records as a client value. */
  record Run(Message message, Object diskValue, Object clientValue) {}

  private static final Note BASE =
      new Note(
          1,
          2L,
          "text",
          true,
          'a',
          0.5,
          Color.RED,
          new byte[] {1, 2},
          new int[] {3, 4},
          new long[] {5, 6},
          List.of("x", "y"),
          linked("k1", 1, "k2", 2),
          Optional.of("m"),
          new Inner("root", List.of(new Inner("leaf", List.of()))));

  private static final Run BASE_RUN = new Run(BASE, List.of(1L, 2L), 7L);

  /** Node 0 sends the message to node 1 and writes the disk value; node 1 echoes it back. */
  static final class Sender implements Node {
    private final Run run;

    Sender(Run run) {
      this.run = run;
    }

    @Override
    public void start(NodeContext ctx) {
      if (ctx.self() == 0) {
        ctx.send(1, run.message());
        ctx.disk().put("state", run.diskValue());
        ctx.disk().sync();
      }
    }

    @Override
    public void onMessage(NodeContext ctx, int from, Message message) {
      if (ctx.self() == 1) {
        ctx.send(from, message);
      }
    }

    @Override
    public void onTimer(NodeContext ctx, Object tag) {}
  }

  private static long hashOf(Run run) {
    Simulation sim = new Simulation(SimConfig.of(11));
    sim.addNode("a", () -> new Sender(run));
    sim.addNode("b", () -> new Sender(run));
    sim.at(
        5_000,
        () -> {
          sim.history().invoke(3, "read", "x", null);
          sim.history().ok(3, "read", "x", run.clientValue());
        });
    sim.runUntil(100_000);
    return sim.trace().hash();
  }

  private static Map<String, Integer> linked(String k1, int v1, String k2, int v2) {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static Note change(UnaryOperator<Object[]> edit) {
    Object[] c = {
      BASE.n(),
      BASE.big(),
      BASE.text(),
      BASE.flag(),
      BASE.letter(),
      BASE.ratio(),
      BASE.color(),
      BASE.bytes(),
      BASE.ints(),
      BASE.longs(),
      BASE.list(),
      BASE.map(),
      BASE.maybe(),
      BASE.inner()
    };
    c = edit.apply(c);
    @SuppressWarnings("unchecked")
    Note n =
        new Note(
            (Integer) c[0],
            (Long) c[1],
            (String) c[2],
            (Boolean) c[3],
            (Character) c[4],
            (Double) c[5],
            (Color) c[6],
            (byte[]) c[7],
            (int[]) c[8],
            (long[]) c[9],
            (List<String>) c[10],
            (Map<String, Integer>) c[11],
            (Optional<String>) c[12],
            (Inner) c[13]);
    return n;
  }

  private static UnaryOperator<Object[]> set(int field, Object value) {
    return c -> {
      c[field] = value;
      return c;
    };
  }

  @Test
  void theSameRunTwiceGivesTheSameHash() {
    assertEquals(hashOf(BASE_RUN), hashOf(BASE_RUN));
    Run copy = new Run(change(c -> c), List.of(1L, 2L), 7L);
    assertEquals(hashOf(BASE_RUN), hashOf(copy), "equal contents in fresh objects hash alike");
  }

  @Test
  void changingAnyOneMessageFieldChangesTheHash() {
    long base = hashOf(BASE_RUN);
    List<Object> values =
        List.of(
            2,
            3L,
            "texT",
            false,
            'b',
            0.25,
            Color.GREEN,
            new byte[] {1, 3},
            new int[] {3, 5},
            new long[] {5, 7},
            List.of("y", "x"),
            linked("k2", 2, "k1", 1),
            Optional.empty(),
            new Inner("root", List.of(new Inner("leaf2", List.of()))));
    for (int field = 0; field < values.size(); field++) {
      Note changed = change(set(field, values.get(field)));
      assertNotEquals(
          base,
          hashOf(new Run(changed, BASE_RUN.diskValue(), BASE_RUN.clientValue())),
          "changing component " + Note.class.getRecordComponents()[field].getName());
    }
  }

  @Test
  void changingOneDiskValueChangesTheHash() {
    assertNotEquals(hashOf(BASE_RUN), hashOf(new Run(BASE, List.of(1L, 3L), 7L)));
  }

  @Test
  void changingOneClientHistoryValueChangesTheHash() {
    assertNotEquals(hashOf(BASE_RUN), hashOf(new Run(BASE, List.of(1L, 2L), 8L)));
  }

  @Test
  void aMessageThatCannotBeHashedFailsNamingItsClass() {
    SimulationException e =
        assertThrows(SimulationException.class, () -> hashOf(new Run(new Opaque(), List.of(), 7L)));
    assertTrue(e.getMessage().contains(Opaque.class.getName()), e.getMessage());
  }

  @Test
  void aRecordHoldingAValueThatCannotBeHashedNamesTheComponent() {
    SimulationException e =
        assertThrows(
            SimulationException.class,
            () -> hashOf(new Run(new Holder(new StringBuilder("x")), List.of(), 7L)));
    assertTrue(e.getMessage().contains(Holder.class.getName() + ".payload"), e.getMessage());
    assertTrue(e.getMessage().contains("java.lang.StringBuilder"), e.getMessage());
  }
}
