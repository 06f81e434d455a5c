package dev.faultline.sim.trace;

import dev.faultline.sim.RandomStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The trace of a simulation: a running hash that fingerprints the run and, when asked for, the
 * events themselves (for reports and message diagrams).
 *
 * <p>The hash covers each event's kind, time and nodes and the structural hash of its subject (a
 * message's full contents, a timer tag, a fault, a role: see {@link StructuralHash}), and whatever
 * is {@linkplain #absorb absorbed} without being an event: disk writes and syncs, client history
 * entries, verdicts. It never uses an identity hash or an enum's {@code hashCode}, so the same seed
 * and configuration give the same hash on every run and every JDK from 17 up, and a different value
 * anywhere gives a different hash.
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

  /** Records an event about {@code subject} (null allowed), hashing it structurally. */
  public void record(TraceKind kind, long timeMicros, int from, int to, Object subject) {
    record(kind, timeMicros, from, to, hashOf(subject), subject);
  }

  /**
   * Records an event whose subject's hash is already known: {@code salt} must be {@link
   * #hashOf(Object)} of the subject, possibly combined with further detail (a drop reason).
   */
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

  /**
   * Folds {@code value} into the hash without recording an event: for what the run did that is not
   * an event (a disk write, a client history entry, a verdict). {@code tag} says what it is.
   */
  public void absorb(long tag, Object value) {
    hash = StructuralHash.combine(hash ^ tag, hashOf(value));
  }

  /** Folds {@code value} into the hash without recording an event. */
  public void absorb(Object value) {
    absorb(0, value);
  }

  /**
   * The structural hash of a trace subject.
   *
   * @throws StructuralHash.NotHashableException naming the subject's class when it (or a value it
   *     holds) cannot be hashed structurally
   */
  public static long hashOf(Object subject) {
    try {
      return StructuralHash.of(subject);
    } catch (StructuralHash.NotHashableException e) {
      throw new StructuralHash.NotHashableException(
          "cannot hash a " + subject.getClass().getName() + " for the trace: " + e.getMessage());
    }
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
}
