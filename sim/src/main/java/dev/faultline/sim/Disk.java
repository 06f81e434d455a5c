package dev.faultline.sim;

import dev.faultline.sim.trace.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node's disk: named values and named append-only logs of immutable objects.
 *
 * <p>Writes are visible to the node at once but durable only after {@link #sync()}. A crash keeps
 * what was synced and loses the rest; with torn writes on, a crash keeps a random prefix of the
 * unsynced writes instead, as a disk that reorders nothing but stops mid-way would. The disk
 * outlives node objects: a restarted node recovers from it.
 *
 * <p>Every write and sync is folded into the simulation's trace hash, so that two runs that wrote
 * different values differ in their hash even where no message shows it.
 */
public final class Disk {
  private static final long WRITE_TAG = 0x6469736b77726974L;
  private static final long SYNC_TAG = 0x6469736b73796e63L;

  private final Store durable = new Store();
  private final Store current = new Store();
  private final List<Write> pending = new ArrayList<>();
  private Runnable syncListener = () -> {};
  private final Trace trace;
  private final long node;

  /** A disk on its own, outside a simulation (its writes are hashed into a trace nobody reads). */
  public Disk() {
    this(new Trace(false), -1);
  }

  Disk(Trace trace, int node) {
    this.trace = trace;
    this.node = (long) node << 32;
  }

  private sealed interface Write permits Put, Append, Truncate {}

  private record Put(String key, Object value) implements Write {}

  private record Append(String log, Object record) implements Write {}

  private record Truncate(String log, int size) implements Write {}

  /** Sets {@code key} to {@code value} (an immutable object, or null to delete). */
  public void put(String key, Object value) {
    write(new Put(key, value));
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public <T> T get(String key) {
    return (T) current.values.get(key);
  }

  /** Appends an immutable {@code record} to the log called {@code log}. */
  public void append(String log, Object record) {
    write(new Append(log, record));
  }

  /** Keeps only the first {@code size} records of {@code log}. */
  public void truncate(String log, int size) {
    write(new Truncate(log, size));
  }

  /** A read-only view of the log called {@code log} (empty when it does not exist). */
  @SuppressWarnings("unchecked")
  public <T> List<T> log(String log) {
    List<Object> records = current.logs.get(log);
    return records == null ? List.of() : (List<T>) Collections.unmodifiableList(records);
  }

  /**
   * Makes every write so far durable. When the simulation gives syncs a latency, a sync with
   * something to write keeps the node busy for that long.
   */
  public void sync() {
    if (!pending.isEmpty()) {
      syncListener.run();
    }
    trace.absorb(SYNC_TAG ^ node, pending.size());
    for (Write w : pending) {
      durable.apply(w);
    }
    pending.clear();
  }

  /** Called by each sync that has writes to make durable (the node slot charges its latency). */
  void onSync(Runnable listener) {
    this.syncListener = listener;
  }

  /** How many writes are not yet durable. */
  public int unsyncedWrites() {
    return pending.size();
  }

  /**
   * Crashes the disk: unsynced writes are lost, except the first {@code tornKeep} of them, which
   * reach the platter (0 for a clean crash).
   */
  void crash(int tornKeep) {
    for (int i = 0; i < Math.min(tornKeep, pending.size()); i++) {
      durable.apply(pending.get(i));
    }
    pending.clear();
    current.copyFrom(durable);
  }

  private void write(Write w) {
    trace.absorb(WRITE_TAG ^ node, w);
    current.apply(w);
    pending.add(w);
  }

  private static final class Store {
    final Map<String, Object> values = new TreeMap<>();
    final Map<String, List<Object>> logs = new TreeMap<>();

    void apply(Write w) {
      if (w instanceof Put p) {
        if (p.value() == null) {
          values.remove(p.key());
        } else {
          values.put(p.key(), p.value());
        }
      } else if (w instanceof Append a) {
        logs.computeIfAbsent(a.log(), k -> new ArrayList<>()).add(a.record());
      } else if (w instanceof Truncate t) {
        List<Object> records = logs.get(t.log());
        if (records != null && t.size() < records.size()) {
          records.subList(Math.max(0, t.size()), records.size()).clear();
        }
      }
    }

    void copyFrom(Store other) {
      values.clear();
      values.putAll(other.values);
      logs.clear();
      for (Map.Entry<String, List<Object>> e : other.logs.entrySet()) {
        logs.put(e.getKey(), new ArrayList<>(e.getValue()));
      }
    }
  }
}
