package dev.faultline.sim.trace;

import dev.faultline.sim.RandomStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The trace of a simulation: a running hash of every event and, when asked for, the events
 * themselves (for reports and message diagrams).
 *
 * <p>The hash covers each event's kind, time, nodes and the class of its message (or the text of
 * its timer tag, fault or role) — never an identity hash — so the same seed and configuration give
 * the same hash on every run and every JDK from 17 up.
 */
public final class Trace {
  private final boolean full;
  private final List<TraceEvent> events = new ArrayList<>();
  private final long[] counts = new long[TraceKind.values().length];
  private long hash = 0x6a09e667f3bcc909L;
  private long size;

  public Trace(boolean full) {
    this.full = full;
  }

  /** Records an event; {@code salt} is a stable hash of its subject. */
  public void record(TraceKind kind, long timeMicros, int from, int to, long salt, Object subject) {
    long packed =
        ((long) kind.ordinal() << 48) ^ ((long) (from & 0xffffff) << 24) ^ (to & 0xffffff);
    hash =
        RandomStream.mix64(
            hash ^ (timeMicros * 0x9e3779b97f4a7c15L + packed * 0xc2b2ae3d27d4eb4fL + salt));
    counts[kind.ordinal()]++;
    if (full) {
      events.add(new TraceEvent(size, timeMicros, kind, from, to, subject));
    }
    size++;
  }

  /** The hash of every event so far. */
  public long hash() {
    return hash;
  }

  /** The hash as 16 hex digits, as summaries print it. */
  public String hashHex() {
    return String.format("%016x", hash);
  }

  /** How many events were recorded. */
  public long size() {
    return size;
  }

  /** How many events of {@code kind} were recorded. */
  public long count(TraceKind kind) {
    return counts[kind.ordinal()];
  }

  /** Whether the events themselves are kept. */
  public boolean isFull() {
    return full;
  }

  /** The events, when the trace is full; empty otherwise. */
  public List<TraceEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /** A stable hash of an object's class name, for subjects whose content is not hashed. */
  public static long classSalt(Object subject) {
    return subject == null ? 0 : subject.getClass().getName().hashCode();
  }

  /** A stable hash of a subject's text; for timer tags, faults and roles. */
  public static long textSalt(Object subject) {
    if (subject == null) {
      return 0;
    }
    if (subject instanceof Enum<?> e) {
      return e.getDeclaringClass().getName().hashCode() * 31L + e.name().hashCode();
    }
    if (subject instanceof Number n) {
      return n.longValue();
    }
    return subject.toString().hashCode();
  }
}
