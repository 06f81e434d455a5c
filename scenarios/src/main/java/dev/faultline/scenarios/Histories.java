package dev.faultline.scenarios;

import dev.faultline.checker.history.Op;
import dev.faultline.checker.history.OpType;
import dev.faultline.sim.history.OpLog;
import java.util.ArrayList;
import java.util.List;

/** Turns what simulated clients logged into a checker history. */
public final class Histories {
  private Histories() {}

  /** The log's entries as checker operations, times in nanoseconds of virtual time. */
  public static List<Op> toOps(OpLog log) {
    List<Op> ops = new ArrayList<>(log.size());
    for (OpLog.Entry e : log.entries()) {
      OpType type =
          switch (e.type()) {
            case INVOKE -> OpType.INVOKE;
            case OK -> OpType.OK;
            case FAIL -> OpType.FAIL;
            case INFO -> OpType.INFO;
          };
      ops.add(new Op(e.process(), type, e.f(), e.key(), e.value(), e.timeMicros() * 1000, null));
    }
    return ops;
  }
}
