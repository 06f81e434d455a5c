package dev.faultline.models.raft;

import java.util.Locale;

/** How the leader serves a linearizable read. */
public enum ReadPath {
  /** The read is appended to the log like a write and answered when it is applied. */
  LOG,
  /**
   * The leader notes its high watermark, confirms that a majority still follows it (each sends a
   * fetch issued after the read arrived), and answers from its state once it has applied that far.
   */
  READ_INDEX;

  /** The knob spelling, e.g. {@code read-index}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static ReadPath fromLabel(String label) {
    return valueOf(label.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
