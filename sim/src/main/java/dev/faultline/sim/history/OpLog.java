package dev.faultline.sim.history;

import dev.faultline.sim.trace.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * What clients saw: invocations and completions, stamped with true virtual time (not a node's
 * skewed clock), in the order they happened. Scenarios turn it into a checker history.
 *
 * <p>Values must be immutable: {@code null}, {@link Long}, {@link String}, or lists of those. Every
 * entry (process, type, function, key, value, time) is folded into the trace hash: what clients saw
 * is part of the run's fingerprint.
 */
public final class OpLog {
  /** The kind of an entry, as Jepsen names them. */
  public enum Type {
    INVOKE,
    OK,
    FAIL,
    INFO
  }

  /** One entry of the log. */
  public record Entry(
      long process, Type type, String f, Object key, Object value, long timeMicros) {}

  private static final long ENTRY_TAG = 0x6f706c6f67656e74L;

  private final LongSupplier clock;
  private final Trace trace;
  private final List<Entry> entries = new ArrayList<>();
  private final SortedMap<Long, String> processNames = new TreeMap<>();

  /** A log on its own (its entries are hashed into a trace nobody reads). */
  public OpLog(LongSupplier trueClockMicros) {
    this(trueClockMicros, new Trace(false));
  }

  /** A log whose entries are folded into {@code trace}'s hash. */
  public OpLog(LongSupplier trueClockMicros, Trace trace) {
    this.clock = trueClockMicros;
    this.trace = trace;
  }

  public void invoke(long process, String f, Object key, Object value) {
    add(process, Type.INVOKE, f, key, value);
  }

  public void ok(long process, String f, Object key, Object value) {
    add(process, Type.OK, f, key, value);
  }

  /** The operation certainly did not take effect. */
  public void fail(long process, String f, Object key, Object value) {
    add(process, Type.FAIL, f, key, value);
  }

  /** The outcome is unknown: it may have taken effect, or may yet. */
  public void info(long process, String f, Object key, Object value) {
    add(process, Type.INFO, f, key, value);
  }

  private void add(long process, Type type, String f, Object key, Object value) {
    Entry e = new Entry(process, type, f, key, value, clock.getAsLong());
    trace.absorb(ENTRY_TAG, e);
    entries.add(e);
  }

  /** Names process {@code process} as its node is named ({@code c1}, {@code p2}), for reports. */
  public void nameProcess(long process, String name) {
    processNames.put(process, name);
  }

  /** The names given to processes, by process id. */
  public SortedMap<Long, String> processNames() {
    return Collections.unmodifiableSortedMap(processNames);
  }

  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  public int size() {
    return entries.size();
  }
}
