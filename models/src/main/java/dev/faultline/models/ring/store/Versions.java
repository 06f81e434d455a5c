package dev.faultline.models.ring.store;

import dev.faultline.models.ring.store.StoreConfig.Versioning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reconciliation: what a replica keeps when versions meet. Under vector clocks, every version that
 * no other version has seen survives (siblings); under last-write-wins, only the greatest stamp.
 * Results are sorted by value so that replicas holding the same versions hold equal lists.
 */
public final class Versions {
  private Versions() {}

  /** The versions of {@code a} and {@code b} that survive together. */
  public static List<Version> reconcile(Versioning mode, List<Version> a, List<Version> b) {
    // Every list handed around is itself a result of this method, or a single version: no work.
    if (b.isEmpty() || a.equals(b)) {
      return a;
    }
    if (a.isEmpty() && b.size() == 1) {
      return b;
    }
    List<Version> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    if (all.isEmpty()) {
      return List.of();
    }
    if (mode == Versioning.LWW) {
      return List.of(all.stream().max(Version.LWW_ORDER).orElseThrow());
    }
    List<Version> kept = new ArrayList<>();
    for (Version v : all) {
      if (!isSuperseded(v, all) && kept.stream().noneMatch(k -> k.value() == v.value())) {
        kept.add(v);
      }
    }
    kept.sort(Comparator.comparingLong(Version::value));
    return List.copyOf(kept);
  }

  /** Whether another version in {@code all} has seen {@code v} (its clock is strictly later). */
  private static boolean isSuperseded(Version v, List<Version> all) {
    for (Version o : all) {
      if (o.value() != v.value() && v.clock().compare(o.clock()) == VectorClock.Order.BEFORE) {
        return true;
      }
    }
    return false;
  }

  /** The least clock that has seen every version of {@code versions}: a reader's context. */
  public static VectorClock context(List<Version> versions) {
    VectorClock c = VectorClock.empty();
    for (Version v : versions) {
      c = c.merge(v.clock());
    }
    return c;
  }
}
