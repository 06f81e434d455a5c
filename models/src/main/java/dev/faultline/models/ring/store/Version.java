package dev.faultline.models.ring.store;

import java.util.Comparator;

/**
 * One stored version of a key's value.
 *
 * @param value the value written; every write in a run writes a distinct value
 * @param clock the causal past under vector clocks (empty under last-write-wins)
 * @param stampMicros the coordinator's clock when it accepted the write: last-write-wins orders by
 *     it, so a coordinator whose clock is behind stamps its writes as older than they are
 * @param coordinator the server that accepted the write
 * @param writer the client that wrote it
 */
public record Version(
    long value, VectorClock clock, long stampMicros, String coordinator, String writer) {

  /** Last-write-wins order: by stamp, then coordinator name, then value, so it is total. */
  public static final Comparator<Version> LWW_ORDER =
      Comparator.comparingLong(Version::stampMicros)
          .thenComparing(Version::coordinator)
          .thenComparingLong(Version::value);

  public Version {
    if (clock == null || coordinator == null || writer == null) {
      throw new IllegalArgumentException("a version needs a clock, a coordinator and a writer");
    }
  }

  @Override
  public String toString() {
    return value + "@" + stampMicros + "us/" + coordinator + clock;
  }
}
