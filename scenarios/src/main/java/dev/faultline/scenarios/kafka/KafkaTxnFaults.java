package dev.faultline.scenarios.kafka;

import dev.faultline.scenarios.compose.FaultPlane;
import dev.faultline.scenarios.compose.Nemesis;
import dev.faultline.scenarios.compose.NemesisContext;
import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import java.util.List;

/**
 * The forced faults that only {@code kafka-txn} has, aimed at the first producer and its
 * coordinator; each strikes at {@code t0} (drawn from the seed when the scenario is composed, since
 * the zombie's replacement must know when to start) and goes through the run's fault plane.
 *
 * <ul>
 *   <li>{@code zombie-producer}: {@code p1} freezes (a GC pause) past its transaction timeout; its
 *       replacement {@code p1b}, with the same transactional id, starts meanwhile and fences it.
 *   <li>{@code coordinator-crash}: the leader of {@code p1}'s transaction state partition crashes
 *       and restarts; another broker takes the coordinator over by loading the partition.
 *   <li>{@code delayed-txn-request}: for a short window every request {@code p1} sends is held up
 *       far longer than its request timeout (a slow network path), so it times out, is sent again
 *       and answered, and the first copy lands later, in a later transaction.
 * </ul>
 */
final class KafkaTxnFaults implements Nemesis {
  /** How long the coordinator stays down. */
  static final long CRASH_MICROS = 600_000;

  /** How long requests sent in the delay window are held up. */
  static final long DELAY_MICROS = 800_000;

  /** How long the delay window lasts: about one transaction. */
  static final long WINDOW_MICROS = 100_000;

  private final String fault;
  private final long t0;
  private final long pauseMicros;
  private final String producer;
  private final ControlPlane control;
  private final int statePartition;

  KafkaTxnFaults(
      String fault,
      long t0,
      long pauseMicros,
      String producer,
      ControlPlane control,
      int statePartition) {
    this.fault = fault;
    this.t0 = t0;
    this.pauseMicros = pauseMicros;
    this.producer = producer;
    this.control = control;
    this.statePartition = statePartition;
  }

  /** Whether {@code fault} is one of these. */
  static boolean handles(String fault) {
    return fault.equals("zombie-producer")
        || fault.equals("coordinator-crash")
        || fault.equals("delayed-txn-request");
  }

  @Override
  public String name() {
    return "kafka-txn-fault";
  }

  @Override
  public void start(NemesisContext ctx) {
    FaultPlane plane = ctx.plane();
    Simulation sim = ctx.sim();
    switch (fault) {
      case "zombie-producer" -> {
        plane.at(t0, new Fault.Pause(producer));
        plane.at(t0 + pauseMicros, new Fault.Resume(producer));
      }
      case "coordinator-crash" ->
          sim.at(
              t0,
              () -> {
                String coordinator = coordinator(ctx);
                plane.strike(new Fault.Crash(coordinator));
                plane.at(sim.nowMicros() + CRASH_MICROS, new Fault.Restart(coordinator));
              });
      case "delayed-txn-request" -> {
        for (String broker : ctx.servers()) {
          plane.at(t0, new Fault.Clog(producer, broker, DELAY_MICROS));
        }
        plane.at(t0 + WINDOW_MICROS, new Fault.Unclog());
      }
      default -> throw new IllegalArgumentException("not a kafka-txn fault: " + fault);
    }
  }

  private String coordinator(NemesisContext ctx) {
    Simulation sim = ctx.sim();
    int id = control.leaderOf(sim, statePartition);
    List<String> brokers = ctx.servers();
    return id < 0 ? brokers.get(0) : brokers.get(id);
  }
}
