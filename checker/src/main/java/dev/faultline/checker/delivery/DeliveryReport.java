package dev.faultline.checker.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outcome of the delivery checks: the guarantee the run kept, every anomaly, and counts.
 *
 * @param guarantee exactly-once, at-least-once, at-most-once or none
 * @param anomalies every anomaly, ordered by kind, partition, offsets, values, then operation
 * @param counts totals over the history
 * @param endOfLog the rule used to decide whether unseen sends count as lost
 * @param partitionsReadToEnd the partitions whose unseen sends counted as lost, in order
 */
public record DeliveryReport(
    DeliveryGuarantee guarantee,
    List<DeliveryAnomaly> anomalies,
    DeliveryCounts counts,
    EndOfLog endOfLog,
    List<Object> partitionsReadToEnd) {

  public DeliveryReport {
    anomalies = List.copyOf(anomalies);
    partitionsReadToEnd = List.copyOf(partitionsReadToEnd);
  }

  /** Whether no anomaly of any kind was found. */
  public boolean clean() {
    return anomalies.isEmpty();
  }

  /** The anomalies of one kind, in report order. */
  public List<DeliveryAnomaly> anomalies(DeliveryAnomaly.Kind kind) {
    return anomalies.stream().filter(a -> a.kind() == kind).toList();
  }

  /**
   * Readable lines: the guarantee, the counts, how many anomalies of each kind, then one line per
   * anomaly.
   */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("delivery: " + guarantee.label() + verdictReason());
    lines.add(
        "sends: "
            + counts.sends()
            + " ("
            + counts.acknowledged()
            + " acknowledged, "
            + counts.failed()
            + " failed, "
            + counts.indeterminate()
            + " indeterminate); polls: "
            + counts.polls()
            + " returning "
            + counts.polledRecords()
            + " records");
    lines.add(
        "lost: "
            + counts.lost()
            + ", unseen: "
            + counts.unseen()
            + ", duplicated: "
            + counts.duplicated()
            + "; read to the end: "
            + readToEndText());
    Map<DeliveryAnomaly.Kind, Integer> byKind = new TreeMap<>();
    anomalies.forEach(a -> byKind.merge(a.kind(), 1, Integer::sum));
    if (!byKind.isEmpty()) {
      lines.add(
          "anomalies: "
              + byKind.entrySet().stream()
                  .map(e -> e.getKey().label() + " " + e.getValue())
                  .collect(Collectors.joining(", ")));
    }
    anomalies.forEach(a -> lines.add("  " + a));
    return lines;
  }

  private String verdictReason() {
    String loss =
        counts.lost() == 0 ? "nothing lost" : plural(counts.lost(), "acknowledged send") + " lost";
    String dup =
        counts.duplicated() == 0
            ? "no duplicates"
            : plural(counts.duplicated(), "value") + " duplicated";
    return " (" + loss + ", " + dup + ")";
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private String readToEndText() {
    return switch (endOfLog) {
      case ASSUMED -> "assumed for every partition";
      case UNKNOWN -> "unknown, so unseen sends are not counted as lost";
      case INFERRED ->
          partitionsReadToEnd.isEmpty()
              ? "no partition (no empty poll after the last acknowledgement)"
              : "partitions " + Values.renderAll(partitionsReadToEnd, 20);
    };
  }
}
