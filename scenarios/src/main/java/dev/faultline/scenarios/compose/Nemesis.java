package dev.faultline.scenarios.compose;

/**
 * A source of faults, as Jepsen's nemesis: the shared fault generator, a leader-seeking nemesis, a
 * scenario's forced fault. A nemesis decides what to strike and when; it never applies a fault
 * itself but hands it to the run's {@link FaultPlane}, which enforces {@code max-down}, composes
 * partitions and records the fault in the printed schedule. A nemesis runs only when the run was
 * not given a schedule: a given schedule already holds every fault the nemeses applied.
 *
 * <p>Draws come from {@link NemesisContext#random()}, a stream of the seed named after the nemesis,
 * so adding one nemesis never shifts another's draws.
 */
public interface Nemesis {
  /** The name of the nemesis's random stream, e.g. {@code leader-nemesis}. */
  String name();

  /** Arms the nemesis at the start of the fault phase. */
  void start(NemesisContext ctx);
}
