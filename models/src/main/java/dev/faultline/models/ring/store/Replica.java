package dev.faultline.models.ring.store;

import dev.faultline.models.ring.store.StoreMessage.Fetch;
import dev.faultline.models.ring.store.StoreMessage.FetchReply;
import dev.faultline.models.ring.store.StoreMessage.Handoff;
import dev.faultline.models.ring.store.StoreMessage.HandoffAck;
import dev.faultline.models.ring.store.StoreMessage.Store;
import dev.faultline.models.ring.store.StoreMessage.StoreAck;
import dev.faultline.sim.Disk;
import dev.faultline.sim.NodeContext;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The replica role of a server: it keeps the versions of the keys it holds, merges what it is sent,
 * and, where it stood in for a home replica (sloppy quorum), keeps a hint and hands the data back
 * once the home answers. Everything is synced to disk before it is acknowledged, so a crash loses
 * nothing acknowledged.
 */
final class Replica {
  private static final String DATA = "store/data";
  private static final String HINTS = "store/hints";

  private final StoreConfig config;
  private final TreeMap<String, List<Version>> data = new TreeMap<>();

  /** For each key, the home replicas this server holds it for as a stand-in. */
  private final TreeMap<String, SortedSet<String>> hints = new TreeMap<>();

  Replica(StoreConfig config) {
    this.config = config;
  }

  void recover(Disk disk) {
    SortedMap<String, List<Version>> d = disk.get(DATA);
    if (d != null) {
      data.putAll(d);
    }
    SortedMap<String, SortedSet<String>> h = disk.get(HINTS);
    if (h != null) {
      for (Map.Entry<String, SortedSet<String>> e : h.entrySet()) {
        hints.put(e.getKey(), new TreeSet<>(e.getValue()));
      }
    }
  }

  void onStore(NodeContext ctx, int from, Store s) {
    merge(s.key(), s.versions());
    if (s.hintFor() != null && !s.hintFor().equals(ctx.name())) {
      hints.computeIfAbsent(s.key(), k -> new TreeSet<>()).add(s.hintFor());
    }
    persist(ctx.disk());
    ctx.send(from, new StoreAck(s.requestId(), s.key()));
  }

  void onFetch(NodeContext ctx, int from, Fetch f) {
    ctx.send(from, new FetchReply(f.requestId(), f.key(), versions(f.key())));
  }

  void onHandoff(NodeContext ctx, int from, Handoff h) {
    merge(h.key(), h.versions());
    persist(ctx.disk());
    ctx.send(from, new HandoffAck(h.key(), h.versions()));
  }

  /**
   * The home took the versions: the hint is done unless newer writes arrived meanwhile. A stand-in
   * that is not a home replica of the key then drops its copy, as Dynamo's does.
   */
  void onHandoffAck(NodeContext ctx, int from, HandoffAck a) {
    SortedSet<String> homes = hints.get(a.key());
    if (homes == null || !a.versions().equals(versions(a.key()))) {
      return;
    }
    homes.remove(ctx.nameOf(from));
    if (homes.isEmpty()) {
      hints.remove(a.key());
      if (!config.homes(a.key()).contains(ctx.name())) {
        data.remove(a.key());
      }
    }
    persist(ctx.disk());
  }

  /** Offers every hinted key back to its home replicas; called on the probe timer. */
  void offerHints(NodeContext ctx) {
    for (Map.Entry<String, SortedSet<String>> e : hints.entrySet()) {
      for (String home : e.getValue()) {
        ctx.send(ctx.idOf(home), new Handoff(e.getKey(), versions(e.getKey())));
      }
    }
  }

  private void merge(String key, List<Version> incoming) {
    data.put(key, Versions.reconcile(config.versioning(), versions(key), incoming));
  }

  private void persist(Disk disk) {
    disk.put(DATA, Collections.unmodifiableSortedMap(new TreeMap<>(data)));
    TreeMap<String, SortedSet<String>> h = new TreeMap<>();
    for (Map.Entry<String, SortedSet<String>> e : hints.entrySet()) {
      h.put(e.getKey(), Collections.unmodifiableSortedSet(new TreeSet<>(e.getValue())));
    }
    disk.put(HINTS, Collections.unmodifiableSortedMap(h));
    disk.sync();
  }

  /** This replica's versions of {@code key} (empty when it holds none). */
  List<Version> versions(String key) {
    return data.getOrDefault(key, List.of());
  }

  /** Every key this replica holds, with its versions. */
  SortedMap<String, List<Version>> data() {
    return Collections.unmodifiableSortedMap(data);
  }

  /** How many (key, home) hints wait to be handed back. */
  int pendingHints() {
    return hints.values().stream().mapToInt(SortedSet::size).sum();
  }
}
