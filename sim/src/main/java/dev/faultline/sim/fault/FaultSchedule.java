package dev.faultline.sim.fault;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fault schedule: timed faults, in time order (faults at the same time keep their order). It
 * prints one fault a line and {@link #parse} reads that text back to an equal schedule, so a
 * schedule can be saved, edited by hand, shrunk and replayed.
 *
 * <pre>
 * 1.250000s crash n3
 * 2.000000s partition halves n1,n2|n3,n4,n5
 * 2.400000s skew n2 +150000us +200ppm
 * 4.000000s heal
 * </pre>
 */
public record FaultSchedule(List<TimedFault> faults) {
  public FaultSchedule {
    List<TimedFault> sorted = new ArrayList<>(faults);
    sorted.sort(Comparator.naturalOrder()); // stable: same-time faults keep their order
    faults = List.copyOf(sorted);
  }

  public static FaultSchedule empty() {
    return new FaultSchedule(List.of());
  }

  public int size() {
    return faults.size();
  }

  public boolean isEmpty() {
    return faults.isEmpty();
  }

  /** This schedule without the faults at indexes [from, to). */
  public FaultSchedule without(int from, int to) {
    List<TimedFault> kept = new ArrayList<>(faults.subList(0, from));
    kept.addAll(faults.subList(to, faults.size()));
    return new FaultSchedule(kept);
  }

  /** The schedule as text, one fault a line, each line ending in a newline. */
  public String print() {
    StringBuilder sb = new StringBuilder();
    for (TimedFault f : faults) {
      sb.append(f.print()).append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return print();
  }

  /**
   * Parses the text {@link #print} writes. Blank lines and lines starting with {@code #} are
   * skipped. Throws IllegalArgumentException naming the line of anything malformed.
   */
  public static FaultSchedule parse(String text) {
    List<TimedFault> faults = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        faults.add(FaultParser.parseLine(line));
      } catch (IllegalArgumentException e) {
        String shown = line.length() > 80 ? line.substring(0, 77) + "..." : line;
        throw new IllegalArgumentException(
            "fault schedule line " + (i + 1) + " ('" + shown + "'): " + e.getMessage(), e);
      }
    }
    return new FaultSchedule(faults);
  }

  /** Formats microseconds as seconds with six decimals, e.g. {@code 1.250000s}. */
  public static String formatTime(long micros) {
    return (micros / 1_000_000)
        + "."
        + String.format(java.util.Locale.ROOT, "%06d", micros % 1_000_000)
        + "s";
  }
}
