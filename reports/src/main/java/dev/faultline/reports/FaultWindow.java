package dev.faultline.reports;

import dev.faultline.sim.fault.Fault;
import dev.faultline.sim.fault.FaultSchedule;
import dev.faultline.sim.fault.TimedFault;
import dev.faultline.sim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A span of virtual time during which one fault was in force: a node down or paused, a partition,
 * loss, duplication, jitter, clogging or a skewed clock.
 *
 * @param family {@code crash}, {@code pause}, {@code partition}, {@code loss}, {@code duplicate},
 *     {@code jitter}, {@code clog} or {@code skew}
 * @param label the fault as the schedule prints it
 * @param node the node it struck, or null for network-wide faults
 * @param startMicros when it began
 * @param endMicros when it was lifted, or the end of the run
 */
record FaultWindow(String family, String label, String node, long startMicros, long endMicros) {

  /**
   * The windows of a run: from the trace when it is full (it also holds the heal that ends the
   * fault phase), else from the schedule. Windows still open at the end close at {@code endMicros}.
   */
  static List<FaultWindow> of(RunReportInput in) {
    List<TimedFault> faults = in.events().isEmpty() ? in.schedule().faults() : fromTrace(in);
    return windows(faults, in.simulatedMicros());
  }

  static List<TimedFault> fromTrace(RunReportInput in) {
    List<TimedFault> out = new ArrayList<>();
    for (TraceEvent e : in.events()) {
      Fault f =
          switch (e.kind()) {
            case CRASH -> new Fault.Crash(in.nodeName(e.from()));
            case RESTART -> new Fault.Restart(in.nodeName(e.from()));
            case PAUSE -> new Fault.Pause(in.nodeName(e.from()));
            case RESUME -> new Fault.Resume(in.nodeName(e.from()));
            case PARTITION, HEAL, NETWORK, SKEW -> e.subject() instanceof Fault x ? x : null;
            default -> null;
          };
      if (f != null) {
        out.add(new TimedFault(e.timeMicros(), f));
      }
    }
    return out;
  }

  static List<FaultWindow> windows(List<TimedFault> faults, long endMicros) {
    List<FaultWindow> done = new ArrayList<>();
    Map<String, FaultWindow> open = new LinkedHashMap<>();
    for (TimedFault tf : faults) {
      Fault f = tf.fault();
      String slot = slot(f);
      FaultWindow was = open.remove(slot);
      if (was != null) {
        done.add(new FaultWindow(was.family, was.label, was.node, was.startMicros, tf.atMicros()));
      }
      if (starts(f)) {
        String family = slot.contains(":") ? slot.substring(0, slot.indexOf(':')) : slot;
        String node = slot.contains(":") ? slot.substring(slot.indexOf(':') + 1) : null;
        open.put(slot, new FaultWindow(family, f.print(), node, tf.atMicros(), endMicros));
      }
    }
    done.addAll(open.values());
    done.sort(
        java.util.Comparator.comparingLong(FaultWindow::startMicros)
            .thenComparing(FaultWindow::label));
    return done;
  }

  /** Faults of one slot replace or lift each other: a restart lifts the crash of its node. */
  private static String slot(Fault f) {
    if (f instanceof Fault.Crash c) {
      return "crash:" + c.node();
    } else if (f instanceof Fault.Restart r) {
      return "crash:" + r.node();
    } else if (f instanceof Fault.Pause p) {
      return "pause:" + p.node();
    } else if (f instanceof Fault.Resume r) {
      return "pause:" + r.node();
    } else if (f instanceof Fault.Skew s) {
      return "skew:" + s.node();
    } else if (f instanceof Fault.Partition || f instanceof Fault.Heal) {
      return "partition";
    } else if (f instanceof Fault.Loss) {
      return "loss";
    } else if (f instanceof Fault.Duplicate) {
      return "duplicate";
    } else if (f instanceof Fault.Jitter) {
      return "jitter";
    }
    return "clog"; // Clog and Unclog
  }

  private static boolean starts(Fault f) {
    if (f instanceof Fault.Loss l) {
      return l.rate() > 0;
    } else if (f instanceof Fault.Duplicate d) {
      return d.rate() > 0;
    } else if (f instanceof Fault.Jitter j) {
      return j.maxMicros() > 0;
    } else if (f instanceof Fault.Skew s) {
      return s.offsetMicros() != 0 || s.driftPpm() != 0;
    }
    return f instanceof Fault.Crash
        || f instanceof Fault.Pause
        || f instanceof Fault.Partition
        || f instanceof Fault.Clog;
  }

  /** The schedule's own windows, for callers that have no trace. */
  static List<FaultWindow> of(FaultSchedule schedule, long endMicros) {
    return windows(schedule.faults(), endMicros);
  }
}
