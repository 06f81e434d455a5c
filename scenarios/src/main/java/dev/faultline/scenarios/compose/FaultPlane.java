package dev.faultline.scenarios.compose;

import dev.faultline.sim.Simulation;
import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.fault.TimedFault;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a run's faults are applied. Every nemesis schedules its faults here; the plane
 * applies each in the simulation's fault class (before every other event of its instant), refuses a
 * crash or pause that would leave more than {@code max-down} servers down or paused at once, and
 * records every fault it applied, in the order it applied them. That record is the run's printed
 * schedule: replayed with {@link #replay}, its faults strike at the same points of the event order,
 * so the replay gives the same trace hash.
 *
 * <p>Partitions compose in the network itself (a cut adds blocked links; only a heal clears them).
 * The plane closes at the end of the fault phase: a fault due later is dropped, unrecorded.
 */
public final class FaultPlane {
  private final Simulation sim;
  private final List<String> servers;
  private final int maxDown;
  private final List<TimedFault> applied = new ArrayList<>();
  private int refused;
  private boolean closed;

  public FaultPlane(Simulation sim, List<String> servers, int maxDown) {
    this.sim = sim;
    this.servers = List.copyOf(servers);
    this.maxDown = maxDown;
  }

  /** Schedules {@code fault} at {@code atMicros} (not before the next microsecond). */
  public void at(long atMicros, Fault fault) {
    sim.atFaultTime(Math.max(atMicros, sim.nowMicros() + 1), () -> strikeIfAllowed(fault));
  }

  /** Schedules {@code fault} for the next microsecond: the soonest a decision made now can act. */
  public void strike(Fault fault) {
    at(sim.nowMicros() + 1, fault);
  }

  /** Schedules every fault of a given schedule as written: no {@code max-down} filter. */
  public void replay(FaultSchedule schedule) {
    for (TimedFault f : schedule.faults()) {
      sim.atFaultTime(f.atMicros(), () -> applyAndRecord(f.fault()));
    }
  }

  /** Ends the fault phase: faults due from now on are dropped. */
  public void close() {
    closed = true;
  }

  /** The faults applied so far, in the order they struck: the schedule that replays the run. */
  public FaultSchedule applied() {
    return new FaultSchedule(applied);
  }

  /** How many crashes and pauses {@code max-down} refused. */
  public int refused() {
    return refused;
  }

  /** Servers crashed or paused now. */
  public int down() {
    int n = 0;
    for (String s : servers) {
      int id = sim.idOf(s);
      if (!sim.isUp(id) || sim.isPaused(id)) {
        n++;
      }
    }
    return n;
  }

  private void strikeIfAllowed(Fault fault) {
    if (closed) {
      return;
    }
    String target = takesDown(fault);
    if (target != null) {
      int id = sim.idOf(target);
      boolean already = !sim.isUp(id) || sim.isPaused(id);
      if (!already && down() >= maxDown) {
        refused++;
        return;
      }
    }
    applyAndRecord(fault);
  }

  private void applyAndRecord(Fault fault) {
    if (closed) {
      return;
    }
    applied.add(new TimedFault(sim.nowMicros(), fault));
    sim.apply(fault);
  }

  /** The server a crash or pause takes down, or null. */
  private String takesDown(Fault fault) {
    String node = null;
    if (fault instanceof Fault.Crash c) {
      node = c.node();
    } else if (fault instanceof Fault.Pause p) {
      node = p.node();
    }
    return node != null && servers.contains(node) ? node : null;
  }
}
