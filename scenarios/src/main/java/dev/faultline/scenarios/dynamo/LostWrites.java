package dev.faultline.scenarios.dynamo;

import dev.faultline.models.ring.store.StoreMessage.Status;
import dev.faultline.models.ring.store.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lost writes: acknowledged writes that the store dropped although nothing replaced them.
 *
 * <p>A write W of value v to key k is lost when (1) a coordinator acknowledged it, (2) v is not
 * among the versions of k in the final state (every server's copy merged after the heal, handoff
 * and the final reads), and (3) no other write to k that may have taken effect (acknowledged or
 * indeterminate) follows W: none was invoked after W completed (real-time order), and none was
 * invoked by a client after a read of its returned v (causal order). A write overwritten by a later
 * one is not lost; a write that lost to a concurrent one under last-write-wins, or to an older one
 * stamped later by a skewed clock, is.
 */
final class LostWrites {
  private LostWrites() {}

  /** The lost writes, in the order they were invoked. */
  static List<Op> find(List<Op> ops, Map<String, List<Version>> finalState) {
    Map<String, Long> lastInvoke = new TreeMap<>();
    for (Op o : ops) {
      if (o.op().write() && o.op().status() != Status.UNAVAILABLE) {
        lastInvoke.merge(o.op().key(), o.op().invokeMicros(), Math::max);
      }
    }
    List<Op> lost = new ArrayList<>();
    for (Op w : ops) {
      if (!w.op().write() || w.op().status() != Status.OK) {
        continue;
      }
      List<Version> last = finalState.getOrDefault(w.op().key(), List.of());
      boolean survives = last.stream().anyMatch(v -> v.value() == w.op().value());
      // Most writes are followed by a later one: the quick test spares the slow one.
      boolean later = lastInvoke.getOrDefault(w.op().key(), 0L) > w.op().completeMicros();
      if (!survives && !later && !followed(w, ops)) {
        lost.add(w);
      }
    }
    return lost;
  }

  private static boolean followed(Op w, List<Op> ops) {
    for (Op o : ops) {
      if (o == w || !o.op().write() || !o.op().key().equals(w.op().key())) {
        continue;
      }
      if (o.op().status() == Status.UNAVAILABLE) {
        continue; // refused before any replica saw it
      }
      if (o.op().invokeMicros() > w.op().completeMicros() || sawBefore(o, w, ops)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code o}'s client read {@code w}'s value before it invoked {@code o}. */
  private static boolean sawBefore(Op o, Op w, List<Op> ops) {
    for (Op r : ops) {
      if (r.client().equals(o.client())
          && !r.op().write()
          && r.op().key().equals(w.op().key())
          && r.op().completeMicros() <= o.op().invokeMicros()
          && r.op().read().contains(w.op().value())) {
        return true;
      }
    }
    return false;
  }

  /** One line per lost write: the write, what the key ended as, and why it lost. */
  static List<String> explain(List<Op> lost, Map<String, List<Version>> finalState) {
    List<String> out = new ArrayList<>();
    for (Op w : lost) {
      List<Version> last = finalState.getOrDefault(w.op().key(), List.of());
      StringBuilder sb = new StringBuilder("lost: ").append(w.describe());
      Version mine = w.op().stored();
      if (mine != null) {
        sb.append(", stamped ")
            .append(mine.stampMicros())
            .append("us by ")
            .append(mine.coordinator());
      }
      sb.append("; ").append(w.op().key()).append(" ended as ");
      if (last.isEmpty()) {
        sb.append("nil");
      }
      for (int i = 0; i < last.size(); i++) {
        Version v = last.get(i);
        sb.append(i > 0 ? ", " : "")
            .append(v.value())
            .append(" (")
            .append(v.writer())
            .append(", stamped ")
            .append(v.stampMicros())
            .append("us by ")
            .append(v.coordinator())
            .append(')');
      }
      out.add(sb.toString());
    }
    return out;
  }
}
